import { admin } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { BulkPush } from '../../types';

/** The location's earlier bulk pushes (the last 50): text, time, recipients, delivery counters. */
export function BulkPushHistory(props: { refresh: unknown }) {
  const { location } = useSession();
  const list = useLoad(
    async () => (await admin.get<BulkPush[]>(`/locations/${location.id}/bulk-pushes`)).data,
    [location.id, props.refresh],
  );
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: location.timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <section className="push-history" aria-labelledby="push-history-h">
      <div className="page-head">
        <h3 id="push-history-h">Earlier pushes</h3>
        <button type="button" className="link" onClick={list.reload} disabled={list.loading}>
          Refresh
        </button>
      </div>
      {list.error ? <Problem error={list.error} right="clients:read" /> : null}
      {list.data && list.data.length === 0 ? (
        <p className="muted">No bulk push sent from this location yet.</p>
      ) : null}
      {list.data && list.data.length > 0 ? (
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
            {list.data.map((b) => (
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
    </section>
  );
}
