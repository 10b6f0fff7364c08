import { useEffect, useRef, useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { ConfirmDelete } from './ConfirmDelete';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import type { CardType } from '../../types';
import { CardTypeForm } from './CardTypeForm';
import { useChainLocations } from './use-chain-catalog';

/** Loyalty card types of the chain: list, create, edit, delete (refused while in use). */
export function CardTypesSection(props: { types: CardType[] | null; onChange: () => void }) {
  const { location, canInChain } = useSession();
  const chain = useChainLocations();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<CardType | null>(null);
  const [deleting, setDeleting] = useState<CardType | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After a deletion the opener (that type's Delete button) is gone: the heading takes focus. */
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !deleting) {
      heading.current?.focus();
      setRefocus(false);
    }
  }, [refocus, deleting]);
  const base = `/chain/${location.chain_id}/loyalty/card_types`;
  const canWrite = canInChain('catalog:write');

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await v1.post(base, { title: title.trim() });
      setTitle('');
      props.onChange();
    } catch (e) {
      setError(e);
    }
  }

  async function remove(type: CardType) {
    setRefusal(null);
    try {
      await v1.del(`${base}/${type.id}`);
      setDeleting(null);
      setRefocus(true);
      props.onChange();
    } catch (e) {
      setRefusal(e);
    }
  }

  const where = (ids: number[]) =>
    ids.length
      ? `at ${ids.map((id) => chain.find((l) => l.id === id)?.title ?? `location ${id}`).join(', ')}`
      : 'every location';

  return (
    <section aria-labelledby="card-types-h">
      <h2 id="card-types-h" ref={heading} tabIndex={-1}>
        Loyalty card types
      </h2>
      {props.types?.length === 0 ? <p className="muted">No card types yet.</p> : null}
      <ul className="card-type-list">
        {props.types?.map((t) => (
          <li key={t.id} className="row">
            <span className="badge large">{t.title}</span>
            <span className="muted grow">Issued {where(t.salon_ids)}</span>
            {canWrite ? (
              <>
                <button type="button" className="secondary" onClick={() => setEditing(t)}>
                  Edit <span className="sr-only">{t.title}</span>
                </button>
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => {
                    setRefusal(null);
                    setDeleting(t);
                  }}
                >
                  Delete <span className="sr-only">{t.title}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <form className="row" onSubmit={(e) => void create(e)}>
          <label className="grow">
            New card type
            <input
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="e.g. Club card"
            />
          </label>
          <button type="submit">Add card type</button>
        </form>
      ) : null}
      {error ? <Problem error={error} right="catalog:write" chain /> : null}
      {editing ? (
        <Dialog title={`Edit ${editing.title}`} onClose={() => setEditing(null)}>
          <CardTypeForm
            chainId={location.chain_id}
            type={editing}
            onSaved={() => {
              setEditing(null);
              props.onChange();
            }}
          />
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDelete
          title={deleting.title}
          refusal={refusal}
          onKeep={() => setDeleting(null)}
          onDelete={() => void remove(deleting)}
        >
          No new cards of this type can be issued. It cannot be deleted while cards of it are issued
          or a program gives to it.
        </ConfirmDelete>
      ) : null}
    </section>
  );
}
