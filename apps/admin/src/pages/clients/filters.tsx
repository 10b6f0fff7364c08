import { useEffect, useState } from 'react';

export type AppFilter = 'any' | 'yes' | 'no';

/** What the clients list is filtered by, as typed (the search text not yet trimmed). */
export interface ClientFilterValues {
  text: string;
  app: AppFilter;
  visitedSince: string;
  spentFrom: string;
}

export const NO_FILTERS: ClientFilterValues = {
  text: '',
  app: 'any',
  visitedSince: '',
  spentFrom: '',
};

const spent = (v: ClientFilterValues) =>
  v.spentFrom !== '' && Number(v.spentFrom) > 0 ? Number(v.spentFrom) : null;

/** The clients search filters (`POST /company/{id}/clients/search`) these values ask for. */
export function filtersOf(v: ClientFilterValues): unknown[] {
  const list: unknown[] = [];
  const search = v.text.trim();
  if (search) list.push({ type: 'quick_search', state: { value: search } });
  if (v.app !== 'any') list.push({ type: 'has_mobile_app', state: { value: v.app === 'yes' } });
  if (v.visitedSince) list.push({ type: 'record', state: { start: { from: v.visitedSince } } });
  const from = spent(v);
  if (from !== null) list.push({ type: 'sold_amount', state: { from } });
  return list;
}

/** The filters in words ("search “ann”, uses the app"). */
export function summaryOf(v: ClientFilterValues, money: (n: number) => string): string {
  const search = v.text.trim();
  const from = spent(v);
  return (
    [
      search ? `search “${search}”` : '',
      v.app === 'yes' ? 'uses the app' : v.app === 'no' ? 'no app yet' : '',
      v.visitedSince ? `visited since ${v.visitedSince}` : '',
      from !== null ? `spent at least ${money(from)}` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'none (the whole clients base)'
  );
}

/** `value`, once it has stayed the same for `ms` (typing does not ask the server per key). */
export function useDebounced<T>(value: T, ms: number, same: (a: T, b: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (same(settled, value)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms, same]);
  return settled;
}

/** Search, app, last visit and spending fields: the clients list and the bulk push share them. */
export function ClientFilterFields(props: {
  value: ClientFilterValues;
  onChange: (next: ClientFilterValues) => void;
}) {
  const v = props.value;
  const set = (patch: Partial<ClientFilterValues>) => props.onChange({ ...v, ...patch });
  return (
    <>
      <label className="grow">
        Search
        <input
          type="search"
          value={v.text}
          onChange={(e) => set({ text: e.target.value })}
          placeholder="Name, email or phone"
        />
      </label>
      <label>
        Has the app
        <select value={v.app} onChange={(e) => set({ app: e.target.value as AppFilter })}>
          <option value="any">Everyone</option>
          <option value="yes">Uses the app</option>
          <option value="no">Not yet</option>
        </select>
      </label>
      <label>
        Visited since
        <input
          type="date"
          value={v.visitedSince}
          onChange={(e) => set({ visitedSince: e.target.value })}
        />
      </label>
      <label>
        Spent at least
        <input
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          value={v.spentFrom}
          onChange={(e) => set({ spentFrom: e.target.value })}
        />
      </label>
    </>
  );
}
