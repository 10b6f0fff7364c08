import { describe, expect, it } from 'vitest';
import { checkDuration, checkPriceRange, DomainError } from '../../src';

const fieldOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  return undefined;
};

describe('service rules', () => {
  it('accepts durations on the 5-minute grid up to 23 h 55 min', () => {
    for (const seconds of [300, 900, 3600, 86_100])
      expect(fieldOf(() => checkDuration(seconds, 'seance_length'))).toBeUndefined();
  });

  it('refuses durations off the grid, non-positive or too long, naming the field', () => {
    for (const seconds of [0, -300, 299, 301, 1000, 86_400, 1.5])
      expect(fieldOf(() => checkDuration(seconds, 'staff.0.seance_length'))).toBe(
        'staff.0.seance_length',
      );
  });

  it('wants price_max at or above price_min and no negative money', () => {
    expect(fieldOf(() => checkPriceRange(10, 10))).toBeUndefined();
    expect(fieldOf(() => checkPriceRange(10, 9.99))).toBe('price_max');
    expect(fieldOf(() => checkPriceRange(-1, 5))).toBe('price_min');
  });
});
