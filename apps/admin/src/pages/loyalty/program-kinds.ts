/** The 10 program types of the seed, in words an owner uses. */
export const PROGRAM_TYPES: [string, string, boolean][] = [
  ['discount_static', 'Fixed discount', false],
  ['discount_accumulative_visits', 'Discount growing with visits', true],
  ['discount_accumulative_sold', 'Discount growing with the amount sold', true],
  ['discount_accumulative_paid', 'Discount growing with the amount paid', true],
  ['cashback_static_sold', 'Fixed cashback on the amount sold', false],
  ['cashback_static_paid', 'Fixed cashback on the amount paid', false],
  ['cashback_accumulative_paid', 'Cashback growing with the amount paid', true],
  ['cashback_accumulative_sold', 'Cashback growing with the amount sold', true],
  ['cashback_accumulative_paid_visits', 'Cashback on paid, growing with visits', true],
  ['cashback_accumulative_sold_visits', 'Cashback on sold, growing with visits', true],
];
export const programTypeName = (type: string) =>
  PROGRAM_TYPES.find(([t]) => t === type)?.[1] ?? type;
export const isAccumulative = (type: string) =>
  PROGRAM_TYPES.find(([t]) => t === type)?.[2] ?? false;
