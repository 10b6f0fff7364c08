import { useEffect, useState, type FormEvent } from 'react';
import { admin, ApiError } from '../../api';
import { fieldError, Problem, useLoad, useAction } from '../../components/status';
import { useSession } from '../../session';
import type { NotificationSettings } from '../../types';
import { NotificationTypeCard } from './NotificationTypeCard';

/**
 * What the location's clients get in the app: the 13 types with on/off, template and timing, and
 * the sender name. The server validates the whole change before writing anything; its 422 names
 * the field (`types.<index>.template`), shown under that type's field.
 */
export function NotificationsPage() {
  const { location, can } = useSession();
  const path = `/locations/${location.id}/notification-settings`;
  const loaded = useLoad(async () => (await admin.get<NotificationSettings>(path)).data, [path]);
  const { busy, error, perform } = useAction();
  const [form, setForm] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(loaded.data), [loaded.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setSaved(false);
    await perform(async () => {
      const res = await admin.patch<NotificationSettings>(path, {
        brand_name: form.brand_name,
        types: form.types.map((t) => ({
          type: t.type,
          enabled: t.enabled,
          template: t.template,
          ...(t.timing_range ? { timing: t.timing } : {}),
        })),
      });
      setForm(res.data);
      setSaved(true);
    });
  }

  const fieldProblem = error instanceof ApiError && error.status === 422;
  return (
    <div>
      <div className="page-head">
        <h1>Notifications</h1>
        {form ? <span className="muted">Sent as “{form.sender}”</span> : null}
      </div>
      {loaded.error ? (
        <Problem error={loaded.error} right="location:read" onRetry={loaded.reload} />
      ) : null}
      {form ? (
        <form className="settings notifications" onSubmit={(e) => void save(e)} noValidate={false}>
          <section className="card" aria-labelledby="brand-h">
            <h2 id="brand-h">Sender</h2>
            <label>
              Brand name
              <input
                value={form.brand_name}
                maxLength={200}
                placeholder="Visita"
                onChange={(e) => setForm({ ...form, brand_name: e.target.value })}
                aria-invalid={fieldError(error, 'brand_name') ? true : undefined}
                aria-describedby="brand-help"
              />
              <small
                id="brand-help"
                className={fieldError(error, 'brand_name') ? 'field-error' : undefined}
              >
                {fieldError(error, 'brand_name') ??
                  'What clients see as the sender of every notification. Empty: “Visita”.'}
              </small>
            </label>
          </section>
          {form.types.map((t, i) => (
            <NotificationTypeCard
              key={t.type}
              value={t}
              placeholders={form.placeholders}
              templateError={fieldError(error, `types.${i}.template`)}
              timingError={fieldError(error, `types.${i}.timing`)}
              onChange={(next) => {
                setSaved(false);
                setForm({
                  ...form,
                  types: form.types.map((x) => (x.type === next.type ? next : x)),
                });
              }}
            />
          ))}
          {error && !fieldProblem ? <Problem error={error} right="settings:write" /> : null}
          {fieldProblem ? (
            <p className="notice error" role="alert">
              Not saved: {error.message} See the marked field.
            </p>
          ) : null}
          <div className="actions sticky-actions">
            {saved ? (
              <span className="saved" role="status">
                Saved
              </span>
            ) : null}
            {can('settings:write') ? null : (
              <span className="muted">Your role can see these settings but not change them.</span>
            )}
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save notifications'}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
