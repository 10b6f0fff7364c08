import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';

/**
 * A chain loyalty type's form (membership or gift card type): the draft, and saving it as a
 * `POST` to `base` for a new type or a `PUT` to `base/{id}` for an existing one.
 */
export function useTypeForm<Draft, Saved>(opts: {
  initial: () => Draft;
  base: string;
  id: number | null;
  bodyOf: (draft: Draft) => unknown;
  onSaved: (saved: Saved) => void;
}) {
  const [draft, setDraft] = useState(opts.initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  /** A change makes the last refusal stale: it is cleared (saving again re-checks). */
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setError(null);
    setDraft({ ...draft, ...patch });
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = opts.bodyOf(draft);
    try {
      const res =
        opts.id === null
          ? await v1.post<Saved>(opts.base, body)
          : await v1.put<Saved>(`${opts.base}/${opts.id}`, body);
      setSaved(true);
      opts.onSaved(res.data);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { draft, set, save, error, busy, saved };
}
