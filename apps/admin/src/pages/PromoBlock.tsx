import { useEffect, useState, type FormEvent } from 'react';
import { admin } from '../api';
import { fieldError, Problem, useLoad, useAction } from '../components/status';
import { useSession } from '../session';

interface Promo {
  title: string;
  text: string;
  link_url: string | null;
}

/**
 * The promotional block of the location: a title, a text and an optional link, shown in the
 * client app and on the booking page (`GET`/`PUT`/`DELETE /api/admin/v1/locations/{id}/promo`).
 */
export function PromoBlock() {
  const { location, can } = useSession();
  const path = `/locations/${location.id}/promo`;
  const loaded = useLoad(async () => (await admin.get<{ promo: Promo | null }>(path)).data, [path]);
  const { busy, error, perform } = useAction();
  const [form, setForm] = useState<Promo>({ title: '', text: '', link_url: null });
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState<Promo | null>(null);
  useEffect(() => {
    if (!loaded.data) return;
    setForm(loaded.data.promo ?? { title: '', text: '', link_url: null });
    setPublished(loaded.data.promo);
  }, [loaded.data]);
  const set = (patch: Partial<Promo>) => {
    setNotice(null);
    setForm({ ...form, ...patch });
  };
  const err = (field: string) => fieldError(error, field);

  async function run(action: () => Promise<{ data: { promo: Promo | null } }>, message: string) {
    await perform(async () => {
      const res = await action();
      setForm(res.data.promo ?? { title: '', text: '', link_url: null });
      setPublished(res.data.promo);
      setNotice(message);
    });
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        admin.put<{ promo: Promo }>(path, {
          title: form.title.trim(),
          text: form.text,
          link_url: form.link_url?.trim() ? form.link_url.trim() : null,
        }),
      'Promotional block saved',
    );
  };

  const fieldNames = ['title', 'text', 'link_url'];
  const otherError =
    error && !fieldNames.some((f) => err(f)) ? (
      <Problem error={error} right="settings:write" />
    ) : null;
  return (
    <form className="card settings promo" onSubmit={save} aria-labelledby="promo-h">
      <h2 id="promo-h">Promotional block</h2>
      <p className="muted">
        Shown at the top of your booking page and of your place in the client app.{' '}
        {published ? '' : 'Nothing is shown now.'}
      </p>
      {loaded.error ? <Problem error={loaded.error} right="location:read" /> : null}
      <div className="promo-grid">
        <div className="stack">
          <label>
            Title
            <input
              required
              maxLength={100}
              value={form.title}
              onChange={(e) => set({ title: e.target.value })}
              aria-invalid={err('title') ? true : undefined}
              aria-describedby="promo-title-help"
            />
            <small id="promo-title-help" className={err('title') ? 'field-error' : undefined}>
              {err('title') ?? `${form.title.length} / 100`}
            </small>
          </label>
          <label>
            Text
            <textarea
              rows={3}
              maxLength={1000}
              value={form.text}
              onChange={(e) => set({ text: e.target.value })}
              aria-invalid={err('text') ? true : undefined}
              aria-describedby="promo-text-help"
            />
            <small id="promo-text-help" className={err('text') ? 'field-error' : undefined}>
              {err('text') ?? `${form.text.length} / 1000`}
            </small>
          </label>
          <label>
            Link (optional)
            <input
              type="text"
              inputMode="url"
              maxLength={500}
              placeholder="https://…"
              value={form.link_url ?? ''}
              onChange={(e) => set({ link_url: e.target.value })}
              aria-invalid={err('link_url') ? true : undefined}
              aria-describedby="promo-link-help"
            />
            <small id="promo-link-help" className={err('link_url') ? 'field-error' : undefined}>
              {err('link_url') ?? 'Behind “More”: an address starting with https://'}
            </small>
          </label>
        </div>
        <aside className="promo-preview" aria-label="Preview of the promotional block">
          <span className="muted">Preview</span>
          {form.title.trim() ? (
            <div className="promo-card">
              <strong>{form.title}</strong>
              {form.text ? <p>{form.text}</p> : null}
              {form.link_url?.trim() ? <span className="promo-more">More ›</span> : null}
            </div>
          ) : (
            <p className="muted">Give it a title to see it.</p>
          )}
        </aside>
      </div>
      {otherError}
      <div className="actions">
        {notice ? (
          <span className="saved" role="status">
            {notice}
          </span>
        ) : null}
        {can('settings:write') ? null : (
          <span className="muted">Your role can see the block but not change it.</span>
        )}
        {published ? (
          <button
            type="button"
            className="danger-outline"
            disabled={busy}
            onClick={() =>
              void run(() => admin.del<{ promo: null }>(path), 'Promotional block removed')
            }
          >
            Remove block
          </button>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save block'}
        </button>
      </div>
    </form>
  );
}
