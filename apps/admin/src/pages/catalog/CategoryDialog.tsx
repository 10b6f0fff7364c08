import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem } from '../../components/status';
import { useSession } from '../../session';

export function CategoryDialog(props: { onClose: () => void; onCreated: () => void }) {
  const { location } = useSession();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await v1.post(`/locations/${location.id}/service_categories`, { title });
      props.onCreated();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Dialog title="New category" onClose={props.onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label>
          Title
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={300}
            autoFocus
          />
        </label>
        {error ? <Problem error={error} right="catalog:write" /> : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={props.onClose}>
            Close
          </button>
          <button type="submit">Create</button>
        </div>
      </form>
    </Dialog>
  );
}
