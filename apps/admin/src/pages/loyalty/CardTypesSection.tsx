import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import type { CardType } from '../../types';

/** Loyalty card types of the chain: list and create (the API has no edit or delete for them). */
export function CardTypesSection(props: { types: CardType[] | null; onChange: () => void }) {
  const { location, canInChain } = useSession();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await v1.post(`/chain/${location.chain_id}/loyalty/card_types`, { title: title.trim() });
      setTitle('');
      props.onChange();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="card-types-h">
      <h2 id="card-types-h">Loyalty card types</h2>
      {props.types?.length === 0 ? <p className="muted">No card types yet.</p> : null}
      <ul className="chips">
        {props.types?.map((t) => (
          <li key={t.id} className="badge large">
            {t.title}
          </li>
        ))}
      </ul>
      {canInChain('catalog:write') ? (
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
    </section>
  );
}
