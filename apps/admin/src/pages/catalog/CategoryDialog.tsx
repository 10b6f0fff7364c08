import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import type { ServiceCategory } from '../../types';

/** Create a category, or rename / delete one (the server refuses deleting one with services). */
export function CategoryDialog(props: {
  category?: ServiceCategory;
  onClose: () => void;
  onCreated: (message: string) => void;
}) {
  const { location } = useSession();
  const c = props.category;
  const [title, setTitle] = useState(c?.title ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = c ? `/service_category/${location.id}/${c.id}` : '';

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await action();
      props.onCreated(message);
    } catch (e) {
      setError(e);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        c
          ? v1.put(path, { title: title.trim() })
          : v1.post(`/locations/${location.id}/service_categories`, { title: title.trim() }),
      c ? `Category ${title.trim()} saved.` : `Category ${title.trim()} created.`,
    );
  };

  return (
    <Dialog title={c ? `Edit category ${c.title}` : 'New category'} onClose={props.onClose}>
      <form className="stack" onSubmit={submit}>
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
          {c && confirmDelete ? (
            <>
              <span>Delete the category {c.title}?</span>
              <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => void run(() => v1.del(path), `Category ${c.title} deleted.`)}
              >
                Yes, delete
              </button>
            </>
          ) : (
            <>
              {c ? (
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete category
                </button>
              ) : null}
              <button type="button" className="secondary" onClick={props.onClose}>
                Close
              </button>
              <button type="submit">{c ? 'Save' : 'Create'}</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
