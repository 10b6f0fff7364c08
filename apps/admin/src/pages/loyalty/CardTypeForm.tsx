import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { fieldError, Problem } from '../../components/status';
import type { CardType } from '../../types';
import { LocationPicker } from './LocationPicker';

/** Edit a loyalty card type: its title and where it is issued (`PUT …/card_types/{id}`). */
export function CardTypeForm(props: { chainId: number; type: CardType; onSaved: () => void }) {
  const [title, setTitle] = useState(props.type.title);
  const [locations, setLocations] = useState(props.type.salon_ids);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await v1.put(`/chain/${props.chainId}/loyalty/card_types/${props.type.id}`, {
        title: title.trim(),
        salon_ids: locations,
      });
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void save(e)}>
      <label>
        Card type title
        <input
          required
          maxLength={200}
          value={title}
          onChange={(e) => {
            setError(null);
            setTitle(e.target.value);
          }}
        />
      </label>
      <LocationPicker
        legend="Issued at"
        value={locations}
        onChange={(ids) => {
          setError(null);
          setLocations(ids);
        }}
        error={fieldError(error, 'salon_ids')}
      />
      <p className="muted">Cards already issued keep their number, balance and history.</p>
      {error ? <Problem error={error} right="catalog:write" chain /> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save card type
        </button>
      </div>
    </form>
  );
}
