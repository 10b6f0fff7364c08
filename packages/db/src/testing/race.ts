/**
 * PGlite has one connection and runs transactions one after another, so a "concurrent" test on
 * it proves the rule (counting, replay, refusal) but never the locking. Titles say which one ran.
 */
export const racesForReal = Boolean(process.env.TEST_DATABASE_URL);

export function raceTitle(title: string): string {
  return racesForReal
    ? `${title} (racing on PostgreSQL)`
    : `${title} (queued one by one by PGlite: proves the rule, not the locking)`;
}
