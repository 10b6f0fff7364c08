import { describe, expect, it } from 'vitest';
import { subtractInterval } from '../../src/scheduling';

const at = (h: number) => h * 3_600_000;
const span = (from: number, to: number) => ({ start: at(from), end: at(to) });

describe('subtractInterval', () => {
  it('cuts an appointment out of the merged busy time it touches', () => {
    // 10–11 (the one being moved) and 11–12 (another) arrive merged as 10–12.
    expect(subtractInterval([span(8, 9), span(10, 12)], span(10, 11))).toEqual([
      span(8, 9),
      span(11, 12),
    ]);
  });

  it('leaves both sides when the cut is inside, and nothing when it covers all', () => {
    expect(subtractInterval([span(9, 13)], span(10, 11))).toEqual([span(9, 10), span(11, 13)]);
    expect(subtractInterval([span(10, 11)], span(9, 12))).toEqual([]);
  });

  it('keeps intervals that only touch the cut', () => {
    expect(subtractInterval([span(9, 10), span(11, 12)], span(10, 11))).toEqual([
      span(9, 10),
      span(11, 12),
    ]);
  });
});
