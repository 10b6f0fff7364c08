import { useCallback, useEffect, useRef, useState } from 'react';
import { admin } from '../../api';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import type { BulkPush } from '../../types';

/** How many earlier pushes one "Show more" adds. */
export const HISTORY_PAGE = 10;

type Loaded = { items: BulkPush[]; total: number; pages: number };

/**
 * The location's earlier bulk pushes, newest first: text, time, recipients, delivery counters.
 * The server pages them (`page`/`count`, `meta.count` the total); "Show more" asks for the next
 * page and adds it under the ones shown. Refresh (or `refresh` changing) starts again from page 1.
 */
export function BulkPushHistory(props: { refresh: unknown }) {
  const { location } = useSession();
  const url = `/locations/${location.id}/bulk-pushes`;
  const [list, setList] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);

  const load = useCallback(
    (page: number, before: BulkPush[]) => {
      const mine = ++seq.current;
      setLoading(true);
      admin.get<BulkPush[], { count: number }>(`${url}?page=${page}&count=${HISTORY_PAGE}`).then(
        ({ data, meta }) => {
          if (mine !== seq.current) return;
          // A push sent meanwhile shifts the pages by one: never list one twice.
          const seen = new Set(before.map((b) => b.id));
          setList({
            items: [...before, ...data.filter((b) => !seen.has(b.id))],
            total: meta.count,
            pages: page,
          });
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [url],
  );
  useEffect(() => load(1, []), [load, props.refresh]);

  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: location.timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const items = list?.items ?? [];
  return (
    <section className="push-history" aria-labelledby="push-history-h">
      <div className="page-head">
        <h3 id="push-history-h">Earlier pushes</h3>
        <button type="button" className="link" onClick={() => load(1, [])} disabled={loading}>
          Refresh
        </button>
      </div>
      {error ? <Problem error={error} right="clients:read" /> : null}
      {list && items.length === 0 ? (
        <p className="muted">No bulk push sent from this location yet.</p>
      ) : null}
      {items.length > 0 ? (
        <table className="table push-history-table">
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Message</th>
              <th scope="col">Recipients</th>
              <th scope="col">Delivered</th>
              <th scope="col">Undeliverable</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>{when.format(new Date(b.created_at))}</td>
                <td className="push-text">{b.text}</td>
                <td>{b.recipients_with_app}</td>
                <td>{b.delivered}</td>
                <td>
                  {b.undeliverable}
                  {b.done ? '' : ' · sending…'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list && items.length > 0 ? (
        <p className="muted" aria-live="polite">
          {items.length} of {list.total} shown{' '}
          {items.length < list.total ? (
            <button
              type="button"
              className="link"
              disabled={loading}
              onClick={() => load(list.pages + 1, items)}
            >
              Show more
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
