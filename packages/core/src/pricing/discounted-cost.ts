/**
 * What a service costs after a percentage discount, in the currency's cents, rounded half up
 * — the one price rule of the back office and online booking alike. Computed in whole cents
 * and hundredths of a percent, so binary floating point cannot tip a half cent either way
 * (1.25 at 6 % is 1.175 → 1.18, where `1.25 * 0.94` is 1.1749999… and would round to 1.17).
 */
export function discountedCost(price: number, discountPercent: number): number {
  const cents = Math.round(price * 100);
  const keptBasisPoints = 10_000 - Math.round(discountPercent * 100);
  const product = cents * keptBasisPoints; // hundredths of a cent × 100
  const sign = product < 0 ? -1 : 1;
  return (sign * Math.floor((Math.abs(product) + 5_000) / 10_000)) / 100;
}
