import { useState, type FormEvent } from 'react';
import { admin, v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { Resource } from '../../types';

/**
 * Rooms, chairs and devices a service holds while it runs: the Altegio resource endpoints
 * (`GET`/`POST /resources/{id}`, `PUT`/`DELETE /resource/{id}/{resource_id}`); the instances of
 * an existing resource through the admin API (`PUT …/resources/{rid}/instances`), which Altegio
 * has no route for.
 */
export function ResourcesPage() {
  const { location, can } = useSession();
  const list = useLoad(
    async () => (await v1.get<Resource[]>(`/resources/${location.id}`)).data,
    [location.id],
  );
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writable = can('catalog:write');

  return (
    <div>
      <div className="page-head">
        <h1>Resources</h1>
        {writable ? (
          <button type="button" onClick={() => setEditing('new')}>
            + New resource
          </button>
        ) : null}
      </div>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {list.error ? (
        <Problem error={list.error} right="catalog:read" onRetry={list.reload} />
      ) : null}
      {list.data?.length === 0 ? (
        <p className="empty">
          No rooms, chairs or devices yet. Services that need one hold it while they run.
        </p>
      ) : null}
      {list.data?.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Description</th>
              <th scope="col">Instances</th>
              {writable ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.title}</strong>
                </td>
                <td>{r.description || <span className="muted">—</span>}</td>
                <td>
                  {r.instances.length} × ({r.instances.map((i) => i.title).join(', ')})
                </td>
                {writable ? (
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(r)}>
                      Edit <span className="sr-only">{r.title}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ResourceDialog
          resource={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function ResourceDialog(props: {
  resource: Resource | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { location } = useSession();
  const r = props.resource;
  const [title, setTitle] = useState(r?.title ?? '');
  const [description, setDescription] = useState(r?.description ?? '');
  const [count, setCount] = useState(1);
  // Instances of an existing resource: kept ones carry their id, new ones none.
  const [instances, setInstances] = useState<{ id?: number; title: string; key: number }[]>(
    () => r?.instances.map((i) => ({ id: i.id, title: i.title, key: i.id })) ?? [],
  );
  const [nextKey, setNextKey] = useState(-1);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await action();
      props.onDone(message);
    } catch (e) {
      setError(e);
    }
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = { title: title.trim(), description };
    const list = instances.map((i) => ({
      ...(i.id !== undefined ? { id: i.id } : {}),
      title: i.title.trim(),
    }));
    const instancesChanged =
      r !== null &&
      JSON.stringify(list) !==
        JSON.stringify(r.instances.map((i) => ({ id: i.id, title: i.title })));
    void run(
      async () => {
        if (!r) return v1.post(`/resources/${location.id}`, { ...body, count });
        // The instances first: a refused removal (booked from now on) leaves everything as it was.
        if (instancesChanged)
          await admin.put(`/locations/${location.id}/resources/${r.id}/instances`, {
            instances: list,
          });
        return v1.put(`/resource/${location.id}/${r.id}`, body);
      },
      r ? `${body.title} saved.` : `${body.title} created.`,
    );
  };

  return (
    <Dialog title={r ? `Edit ${r.title}` : 'New resource'} onClose={props.onClose}>
      <form className="stack" onSubmit={save}>
        <label>
          Title
          <input
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          Description
          <textarea
            rows={2}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        {r ? (
          <fieldset className="instances">
            <legend>Instances (each is booked once at a time)</legend>
            <ol className="stack">
              {instances.map((inst, i) => (
                <li key={inst.key} className="row">
                  <input
                    required
                    maxLength={300}
                    aria-label={`Instance ${i + 1}`}
                    value={inst.title}
                    onChange={(e) =>
                      setInstances(
                        instances.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                      )
                    }
                  />
                  {instances.length > 1 ? (
                    <button
                      type="button"
                      className="link"
                      aria-label={`Remove instance ${inst.title || i + 1}`}
                      onClick={() => setInstances(instances.filter((_, j) => j !== i))}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="link"
              onClick={() => {
                setInstances([
                  ...instances,
                  { title: `${title.trim() || r.title} #${instances.length + 1}`, key: nextKey },
                ]);
                setNextKey(nextKey - 1);
              }}
            >
              + Add instance
            </button>
          </fieldset>
        ) : (
          <label>
            How many
            <input
              type="number"
              min={1}
              max={100}
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>
        )}
        {error ? <Problem error={error} right="catalog:write" /> : null}
        <div className="actions">
          {r && confirmDelete ? (
            <>
              <span>Delete {r.title}?</span>
              <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void run(() => v1.del(`/resource/${location.id}/${r.id}`), `${r.title} deleted.`)
                }
              >
                Yes, delete
              </button>
            </>
          ) : (
            <>
              {r ? (
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete resource
                </button>
              ) : null}
              <button type="submit">{r ? 'Save' : 'Create'}</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
