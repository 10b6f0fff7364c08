import { useEffect, useState, type FormEvent } from 'react';
import { v1 } from '../api';
import { fieldError, Problem, useLoad, useAction } from '../components/status';
import { useSession } from '../session';
import type { OnlineSettings } from '../types';
import { PromoBlock } from './PromoBlock';

const STEPS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

/** The location's online-booking rules, in the units an owner thinks in (minutes, hours, days). */
export function OnlineBookingPage() {
  const { location, can } = useSession();
  const loaded = useLoad(
    async () => (await v1.get<OnlineSettings>(`/company/${location.id}/settings/online`)).data,
    [location.id],
  );
  const { busy, error, perform } = useAction();
  const [form, setForm] = useState<OnlineSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setForm(loaded.data), [loaded.data]);

  const link = `${window.location.origin}${location.booking_url}`;
  const set = <K extends keyof OnlineSettings>(key: K, value: OnlineSettings[K]) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    await perform(async () => {
      const res = await v1.patch<OnlineSettings>(`/company/${location.id}/settings/online`, form);
      setForm(res.data);
      setSaved(true);
    });
  }

  const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
  const describe = (field: string) => fieldError(error, field);

  return (
    <div>
      <div className="page-head">
        <h1>Online booking</h1>
      </div>
      <section className="card booking-link" aria-labelledby="link-h">
        <h2 id="link-h">Your booking page</h2>
        <p className="muted">
          Share it on your site, in social profiles and messages. Clients book {location.title}{' '}
          there.
        </p>
        <div className="row">
          <input
            readOnly
            value={link}
            aria-label="Booking page address"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
          <a
            className="button secondary"
            href={location.booking_url}
            target="_blank"
            rel="noreferrer"
          >
            Open
          </a>
        </div>
      </section>
      {loaded.error ? (
        <Problem error={loaded.error} right="catalog:read" onRetry={loaded.reload} />
      ) : null}
      {form ? (
        <form className="card settings" onSubmit={(e) => void save(e)} aria-labelledby="rules-h">
          <h2 id="rules-h">Booking rules</h2>
          <div className="settings-grid">
            <label>
              Start times every
              <select
                value={form.timetable_step / 60}
                onChange={(e) => set('timetable_step', Number(e.target.value) * 60)}
              >
                {STEPS.map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
              </select>
              <small>The grid of times clients can pick.</small>
            </label>
            <label>
              Minimum notice (hours)
              <input
                type="number"
                min={0}
                step={0.25}
                value={form.seance_delay_step / 60}
                onChange={(e) => set('seance_delay_step', Math.round(Number(e.target.value) * 60))}
                aria-describedby="notice-help"
                aria-invalid={describe('seance_delay_step') ? true : undefined}
              />
              <small id="notice-help">
                {describe('seance_delay_step') ?? 'How long before a time it can still be booked.'}
              </small>
            </label>
            <label>
              Book up to (days ahead)
              <input
                type="number"
                min={1}
                max={730}
                value={form.booking_horizon_days}
                onChange={(e) => set('booking_horizon_days', Number(e.target.value))}
                aria-invalid={describe('booking_horizon_days') ? true : undefined}
              />
              <small>{describe('booking_horizon_days') ?? 'How far ahead clients may book.'}</small>
            </label>
          </div>
          <div className="rule" role="group" aria-labelledby="cancel-h">
            <h3 id="cancel-h">Cancelling</h3>
            <label className="check">
              <input
                type="checkbox"
                checked={form.allow_delete_record}
                onChange={(e) => set('allow_delete_record', e.target.checked)}
              />
              Clients may cancel online
            </label>
            <label className="inline">
              until
              <input
                type="number"
                min={0}
                step={0.5}
                disabled={!form.allow_delete_record}
                value={hours(form.allow_delete_record_delay_step)}
                onChange={(e) =>
                  set(
                    'allow_delete_record_delay_step',
                    Math.round(Number(e.target.value) * 60) * 60,
                  )
                }
                aria-label="Cancelling: hours before the start"
              />
              hours before the start
            </label>
          </div>
          <div className="rule" role="group" aria-labelledby="reschedule-h">
            <h3 id="reschedule-h">Rescheduling</h3>
            <label className="check">
              <input
                type="checkbox"
                checked={form.allow_change_record}
                onChange={(e) => set('allow_change_record', e.target.checked)}
              />
              Clients may reschedule online
            </label>
            <label className="inline">
              until
              <input
                type="number"
                min={0}
                step={0.5}
                disabled={!form.allow_change_record}
                value={hours(form.allow_change_record_delay_step)}
                onChange={(e) =>
                  set(
                    'allow_change_record_delay_step',
                    Math.round(Number(e.target.value) * 60) * 60,
                  )
                }
                aria-label="Rescheduling: hours before the start"
              />
              hours before the start
            </label>
          </div>
          <div className="rule" role="group" aria-labelledby="confirm-h">
            <h3 id="confirm-h">Confirmation</h3>
            <label className="check">
              <input
                type="checkbox"
                checked={form.online_record_needs_confirmation}
                onChange={(e) => set('online_record_needs_confirmation', e.target.checked)}
              />
              Online appointments wait for us to confirm them
            </label>
          </div>
          {error ? <Problem error={error} right="settings:write" /> : null}
          <div className="actions">
            {saved ? (
              <span className="saved" role="status">
                Saved
              </span>
            ) : null}
            {can('settings:write') ? null : (
              <span className="muted">Your role can see these rules but not change them.</span>
            )}
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save rules'}
            </button>
          </div>
        </form>
      ) : null}
      <PromoBlock />
    </div>
  );
}
