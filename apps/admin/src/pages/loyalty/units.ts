export const UNITS = [
  [1, 'days'],
  [2, 'weeks'],
  [3, 'months'],
  [4, 'years'],
] as const;
export const unitName = (id: number | null | undefined, n = 2) => {
  const name = UNITS.find(([u]) => u === id)?.[1] ?? '';
  return n === 1 ? name.replace(/s$/, '') : name;
};
