import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { fieldError, Problem, useLoad } from '../../components/status';
import { useMoney, useSession } from '../../session';
import { formatDuration } from '../../time';
import type { Service, ServiceCategory, TeamMember } from '../../types';

interface Resource {
  id: number;
  title: string;
  instances: { id: number; title: string }[];
}

/** Services by category, the team members who provide them, and the resources they use. */
export function ServicesPage() {
  const { location, can } = useSession();
  const money = useMoney();
  const catalog = useLoad(async () => {
    const [services, categories, staff, resources] = await Promise.all([
      v1.get<Service[]>(`/company/${location.id}/services`),
      v1.get<ServiceCategory[]>(`/company/${location.id}/service_categories`),
      v1.get<TeamMember[]>(`/company/${location.id}/staff`),
      v1.get<Resource[]>(`/resources/${location.id}`),
    ]);
    return {
      services: services.data,
      categories: categories.data,
      staff: staff.data.filter((m) => !m.fired),
      resources: resources.data,
    };
  }, [location.id]);
  const [creating, setCreating] = useState<'service' | 'category' | 'resource' | null>(null);

  const data = catalog.data;
  const groups = data
    ? [
        ...data.categories.map((c) => ({ id: c.id, title: c.title })),
        { id: 0, title: 'Without a category' },
      ]
        .map((c) => ({
          ...c,
          services: data.services.filter((s) => (s.category_id || 0) === c.id),
        }))
        .filter((g) => g.services.length || g.id !== 0)
    : [];
  const nameOf = (id: number) => data?.staff.find((m) => m.id === id)?.name ?? `#${id}`;

  return (
    <div>
      <div className="page-head">
        <h1>Services</h1>
        {can('catalog:write') && data ? (
          <div className="toolbar">
            <button type="button" className="secondary" onClick={() => setCreating('category')}>
              + Category
            </button>
            <button type="button" className="secondary" onClick={() => setCreating('resource')}>
              + Resource
            </button>
            <button type="button" onClick={() => setCreating('service')}>
              + New service
            </button>
          </div>
        ) : null}
      </div>
      {catalog.error ? (
        <Problem error={catalog.error} right="catalog:read" onRetry={catalog.reload} />
      ) : null}
      {groups.map((g) => (
        <section key={g.id} className="card" aria-labelledby={`cat-${g.id}`}>
          <h2 id={`cat-${g.id}`}>{g.title}</h2>
          {g.services.length === 0 ? (
            <p className="muted">No services in this category yet.</p>
          ) : (
            <table className="table flat">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Duration</th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col">Team members</th>
                  <th scope="col">Online</th>
                </tr>
              </thead>
              <tbody>
                {g.services.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <strong>{s.title}</strong>
                    </td>
                    <td>{formatDuration(s.duration)}</td>
                    <td className="num">
                      {money(s.price_min)}
                      {s.price_max > s.price_min ? `–${money(s.price_max)}` : ''}
                    </td>
                    <td>
                      {s.staff.map((l) => nameOf(l.id)).join(', ') || (
                        <span className="muted">nobody yet</span>
                      )}
                    </td>
                    <td>
                      {s.is_online ? (
                        <span className="badge confirmed">Bookable</span>
                      ) : (
                        <span className="badge">Desk only</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {data ? (
        <section className="card" aria-labelledby="resources-h">
          <h2 id="resources-h">Resources</h2>
          {data.resources.length === 0 ? (
            <p className="muted">
              No rooms, chairs or devices yet. Services that need one hold it while they run.
            </p>
          ) : (
            <ul className="resource-list">
              {data.resources.map((r) => (
                <li key={r.id}>
                  <strong>{r.title}</strong>{' '}
                  <span className="muted">
                    {r.instances.length} × ({r.instances.map((i) => i.title).join(', ')})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {creating && data ? (
        <CreateDialog
          kind={creating}
          categories={data.categories}
          staff={data.staff}
          resources={data.resources}
          onClose={() => setCreating(null)}
          onCreated={() => {
            setCreating(null);
            catalog.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function CreateDialog(props: {
  kind: 'service' | 'category' | 'resource';
  categories: ServiceCategory[];
  staff: TeamMember[];
  resources: Resource[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { location } = useSession();
  const [title, setTitle] = useState('');
  const [categoryId, setCategoryId] = useState(0);
  const [minutes, setMinutes] = useState(60);
  const [price, setPrice] = useState(0);
  const [staffIds, setStaffIds] = useState<number[]>([]);
  const [resourceIds, setResourceIds] = useState<number[]>([]);
  const [online, setOnline] = useState(true);
  const [count, setCount] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const toggle = (list: number[], id: number) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (props.kind === 'category')
        await v1.post(`/locations/${location.id}/service_categories`, { title });
      else if (props.kind === 'resource')
        await v1.post(`/locations/${location.id}/resources`, { title, count });
      else
        await v1.post(`/locations/${location.id}/services`, {
          title,
          category_id: categoryId,
          duration: minutes * 60,
          price_min: price,
          price_max: price,
          is_online: online,
          staff: staffIds.map((id) => ({ id })),
          resources: resourceIds,
        });
      props.onCreated();
    } catch (e) {
      setError(e);
    }
  }

  const heading = { service: 'New service', category: 'New category', resource: 'New resource' }[
    props.kind
  ];
  return (
    <Dialog title={heading} onClose={props.onClose}>
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
        {props.kind === 'resource' ? (
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
        ) : null}
        {props.kind === 'service' ? (
          <>
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
              <input
                type="checkbox"
                checked={online}
                onChange={(e) => setOnline(e.target.checked)}
              />
              Clients can book it online
            </label>
          </>
        ) : null}
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
