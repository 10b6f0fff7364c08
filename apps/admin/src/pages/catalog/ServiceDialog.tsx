import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { fieldError, Problem } from '../../components/status';
import { useSession } from '../../session';
import type { Resource, Service, ServiceCategory, TeamMember } from '../../types';

const toggle = (list: number[], id: number) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/** Create a service or change one (`PATCH /company/{id}/services/{service_id}`), or delete it. */
export function ServiceDialog(props: {
  service: Service | null;
  categories: ServiceCategory[];
  staff: TeamMember[];
  resources: Resource[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { location } = useSession();
  const s = props.service;
  const [title, setTitle] = useState(s?.title ?? '');
  const [categoryId, setCategoryId] = useState(s?.category_id ?? 0);
  const [minutes, setMinutes] = useState(s ? Math.round(s.duration / 60) : 60);
  const [price, setPrice] = useState(s?.price_min ?? 0);
  const [staffIds, setStaffIds] = useState<number[]>(s?.staff.map((l) => l.id) ?? []);
  const [resourceIds, setResourceIds] = useState<number[]>(s?.resources ?? []);
  const [online, setOnline] = useState(s?.is_online ?? true);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body = {
      title: title.trim(),
      category_id: categoryId,
      duration: minutes * 60,
      price_min: price,
      price_max: Math.max(price, s && s.price_max > s.price_min ? s.price_max : price),
      is_online: online,
      staff: staffIds.map((id) => ({ id })),
      resources: resourceIds,
    };
    try {
      if (s) await v1.patch(`/company/${location.id}/services/${s.id}`, body);
      else await v1.post(`/locations/${location.id}/services`, body);
      props.onDone(s ? `${body.title} saved.` : `${body.title} created.`);
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!s) return;
    setError(null);
    try {
      await v1.del(`/company/${location.id}/services/${s.id}`);
      props.onDone(`${s.title} deleted.`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Dialog title={s ? `Edit ${s.title}` : 'New service'} onClose={props.onClose}>
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
        <div className="row">
          <label>
            Category
            <select value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))}>
              <option value={0}>None</option>
              {props.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Duration (minutes)
            <input
              type="number"
              min={5}
              step={5}
              max={1435}
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            />
          </label>
          <label>
            Price
            <input
              type="number"
              min={0}
              step={0.01}
              value={price}
              onChange={(e) => setPrice(Number(e.target.value))}
            />
          </label>
        </div>
        {fieldError(error, 'duration') ? (
          <p className="field-error">{fieldError(error, 'duration')}</p>
        ) : null}
        <fieldset>
          <legend>Provided by</legend>
          {props.staff.map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={staffIds.includes(m.id)}
                onChange={() => setStaffIds(toggle(staffIds, m.id))}
              />
              {m.name}
            </label>
          ))}
        </fieldset>
        {props.resources.length ? (
          <fieldset>
            <legend>Needs</legend>
            {props.resources.map((r) => (
              <label key={r.id} className="check">
                <input
                  type="checkbox"
                  checked={resourceIds.includes(r.id)}
                  onChange={() => setResourceIds(toggle(resourceIds, r.id))}
                />
                {r.title}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
          Clients can book it online
        </label>
        {error ? <Problem error={error} right="catalog:write" /> : null}
        <div className="actions">
          {s && confirmDelete ? (
            <>
              <span>Delete {s.title}? Past appointments keep it.</span>
              <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                Yes, delete
              </button>
            </>
          ) : (
            <>
              {s ? (
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete service
                </button>
              ) : null}
              <button type="button" className="secondary" onClick={props.onClose}>
                Close
              </button>
              <button type="submit">{s ? 'Save' : 'Create'}</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
