/** Builds `SET a = $n, b = $n+1` from a camelCase patch, using a column map as the whitelist. */
export function buildSet(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    params.push(column === 'social' ? JSON.stringify(value) : value);
    parts.push(`${column} = $${firstParam + params.length - 1}`);
  }
  return { sql: parts.join(', '), params };
}

export function offsetOf(page: { page: number; count: number }): number {
  return (Math.max(page.page, 1) - 1) * page.count;
}
