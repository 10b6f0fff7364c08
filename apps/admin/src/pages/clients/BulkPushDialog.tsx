import { useEffect, useState, type FormEvent } from 'react';
import { admin } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, fieldError, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { BulkPush, BulkPushPreview } from '../../types';
import { BulkPushHistory } from './BulkPushHistory';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Send push to the app" for the clients the list's filters match: how many match and how many
 * of them have the app is asked of the server before anything is sent; after sending, the
 * delivery progress is polled until the fan-out is done.
 */
export function BulkPushDialog(props: {
  filters: unknown[];
  summary: string;
  onClose: () => void;
}) {
  const { location } = useSession();
  const base = `/locations/${location.id}/bulk-pushes`;
  const preview = useLoad(
    async () =>
      (await admin.post<BulkPushPreview>(`${base}/preview`, { filters: props.filters })).data,
    [base, JSON.stringify(props.filters)],
  );
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [push, setPush] = useState<BulkPush | null>(null);

  useEffect(() => {
    if (!push || push.done) return;
    const timer = setTimeout(() => {
      admin.get<BulkPush>(`${base}/${push.id}`).then(
        ({ data }) => setPush(data),
        (e: unknown) => setError(e),
      );
    }, 700);
    return () => clearTimeout(timer);
  }, [push, base]);

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPush(
        (await admin.post<BulkPush>(base, { filters: props.filters, text: text.trim() })).data,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const p = preview.data;
  return (
    <Dialog title="Send push to the app" onClose={props.onClose}>
      <p className="muted">Filters: {props.summary}</p>
      {preview.error ? <Problem error={preview.error} right="clients:read" /> : null}
      {p ? (
        <p className="audience" role="status">
          <strong>{plural(p.matching_clients, 'client matches', 'clients match')}</strong> the
          current filters; <strong>{plural(p.recipients_with_app, 'has', 'have')} the app</strong>{' '}
          and will get the push.
        </p>
      ) : (
        <p className="muted">Counting recipients…</p>
      )}
      {push ? (
        <Progress push={push} />
      ) : (
        <form className="stack" onSubmit={(e) => void send(e)}>
          <label>
            Message
            <textarea
              rows={4}
              maxLength={1000}
              required
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={fieldError(error, 'text') ? true : undefined}
              aria-describedby="push-text-help"
            />
            <small
              id="push-text-help"
              className={fieldError(error, 'text') ? 'field-error' : undefined}
            >
              {fieldError(error, 'text') ??
                `${text.length} / 1000 · tapping it opens your booking page`}
            </small>
          </label>
          {error ? <Problem error={error} right="clients:write" /> : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={props.onClose}>
              Cancel
            </button>
            <button
              type="submit"
              disabled={busy || !p || p.recipients_with_app === 0 || text.trim() === ''}
            >
              {busy
                ? 'Sending…'
                : p
                  ? `Send to ${plural(p.recipients_with_app, 'client', 'clients')}`
                  : 'Send'}
            </button>
          </div>
        </form>
      )}
      <BulkPushHistory refresh={push?.done ? push.id : null} />
    </Dialog>
  );
}

function Progress(props: { push: BulkPush }) {
  const p = props.push;
  const finished = p.delivered + p.undeliverable;
  const total = Math.max(p.recipients_with_app, 1);
  return (
    <section className="push-progress" aria-labelledby="progress-h">
      <h3 id="progress-h">{p.done ? 'Done' : 'Sending…'}</h3>
      <progress max={total} value={finished} aria-label="Delivery progress" />
      <dl className="facts" aria-live="polite">
        <dt>Queued</dt>
        <dd data-testid="queued">{p.queued}</dd>
        <dt>Delivered</dt>
        <dd data-testid="delivered">{p.delivered}</dd>
        <dt>Undeliverable</dt>
        <dd data-testid="undeliverable">{p.undeliverable}</dd>
      </dl>
      {p.done ? (
        <p className="notice success" role="status">
          Delivered to {plural(p.delivered, 'client', 'clients')}
          {p.undeliverable
            ? `; ${p.undeliverable} could not be reached (no device, muted or gone)`
            : ''}
          .
        </p>
      ) : null}
    </section>
  );
}
