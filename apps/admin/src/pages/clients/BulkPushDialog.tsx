import { useEffect, useRef, useState, type FormEvent } from 'react';
import { admin } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, fieldError, useAction } from '../../components/status';
import { useMoney, useSession } from '../../session';
import type { BulkPush, BulkPushPreview } from '../../types';
import { BulkPushHistory } from './BulkPushHistory';
import {
  ClientFilterFields,
  filtersOf,
  summaryOf,
  useDebounced,
  type ClientFilterValues,
} from './filters';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const sameValues = (a: ClientFilterValues, b: ClientFilterValues) =>
  JSON.stringify(filtersOf(a)) === JSON.stringify(filtersOf(b));

/** The recipients the server counted for one set of filters (what Send then sends to). */
type Audience = { filters: unknown[]; values: ClientFilterValues; counts: BulkPushPreview };

/**
 * "Send push to the app" for the clients the list's filters match. The filters can be changed
 * in the dialog too (they are the list's): how many match and how many of them have the app is
 * asked of the server again once they stop changing, an older answer arriving late is dropped,
 * and Send sends to the filters of the count shown. After sending, the delivery progress is
 * polled until the fan-out is done.
 */
export function BulkPushDialog(props: {
  values: ClientFilterValues;
  onChange: (next: ClientFilterValues) => void;
  onClose: () => void;
}) {
  const { location } = useSession();
  const money = useMoney();
  const base = `/locations/${location.id}/bulk-pushes`;
  const asked = useDebounced(props.values, 300, sameValues);
  const askedKey = JSON.stringify(filtersOf(asked));
  const { busy, error, setError, perform } = useAction();
  const [audience, setAudience] = useState<Audience | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const filters = filtersOf(asked);
    admin.post<BulkPushPreview>(`${base}/preview`, { filters }).then(
      ({ data }) => {
        if (mine !== seq.current) return;
        setAudience({ filters, values: asked, counts: data });
        setPreviewError(null);
      },
      (e: unknown) => mine === seq.current && setPreviewError(e),
    );
    // `asked` changes identity only when its filters do (see useDebounced's `same`).
  }, [base, askedKey]);
  const current =
    audience !== null &&
    JSON.stringify(audience.filters) === JSON.stringify(filtersOf(props.values));
  const [text, setText] = useState('');
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
    await perform(async () => {
      setPush(
        (await admin.post<BulkPush>(base, { filters: audience!.filters, text: text.trim() })).data,
      );
    });
  }

  const p = audience?.counts ?? null;
  return (
    <Dialog title="Send push to the app" onClose={props.onClose}>
      {push ? null : (
        <fieldset className="filters push-filters">
          <legend>Recipients</legend>
          <ClientFilterFields value={props.values} onChange={props.onChange} />
        </fieldset>
      )}
      <p className="muted">Filters: {summaryOf(audience?.values ?? props.values, money)}</p>
      {previewError ? <Problem error={previewError} right="clients:read" /> : null}
      {p ? (
        <p className="audience" role="status" aria-busy={!current}>
          <strong>{plural(p.matching_clients, 'client matches', 'clients match')}</strong> the
          current filters; <strong>{plural(p.recipients_with_app, 'has', 'have')} the app</strong>{' '}
          and will get the push.{current ? null : <span className="muted"> Counting again…</span>}
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
              disabled={busy || !p || !current || p.recipients_with_app === 0 || text.trim() === ''}
            >
              {busy
                ? 'Sending…'
                : p && current
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
