import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedCost } from '../../src';

describe('discountedCost', () => {
  it('rounds half a cent up, where float arithmetic would not (1.25 at 6 % is 1.18)', () => {
    expect(discountedCost(1.25, 6)).toBe(1.18);
    expect(discountedCost(0.05, 10)).toBe(0.05); // 0.045 → 0.05
    expect(discountedCost(2.5, 1)).toBe(2.48); // 2.475 → 2.48
  });

  it('keeps the price without a discount, is free at 100 %, takes fractional percentages', () => {
    expect(discountedCost(50, 0)).toBe(50);
    expect(discountedCost(50, 100)).toBe(0);
    expect(discountedCost(40, 12.5)).toBe(35);
    expect(discountedCost(99.99, 33.33)).toBe(66.66); // 66.6633… → 66.66
  });

  it('equals exact decimal arithmetic, rounded half up, for any cents and percentage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (cents, bp) => {
          const exact = BigInt(cents) * BigInt(10_000 - bp); // in 1/1_000_000 of the currency
          const rounded = (exact + 5_000n) / 10_000n; // cents, half up
          expect(discountedCost(cents / 100, bp / 100)).toBe(Number(rounded) / 100);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
