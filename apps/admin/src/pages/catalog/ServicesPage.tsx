import { useState } from 'react';
import { v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { href, navigate } from '../../router';
import { useMoney, useSession } from '../../session';
import { formatDuration } from '../../time';
import type { Resource, Service, ServiceCategory, TeamMember } from '../../types';
import { CategoryDialog } from './CategoryDialog';
import { ServiceDialog } from './ServiceDialog';

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
  const [creating, setCreating] = useState<'service' | 'category' | null>(null);
  const [editing, setEditing] = useState<Service | null>(null);
  const [editingCategory, setEditingCategory] = useState<ServiceCategory | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writable = can('catalog:write');

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
            <button type="button" onClick={() => setCreating('service')}>
              + New service
            </button>
          </div>
        ) : null}
      </div>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {catalog.error ? (
        <Problem error={catalog.error} right="catalog:read" onRetry={catalog.reload} />
      ) : null}
      {groups.map((g) => (
        <section key={g.id} className="card" aria-labelledby={`cat-${g.id}`}>
          <div className="page-head">
            <h2 id={`cat-${g.id}`}>{g.title}</h2>
            {writable && g.id !== 0 ? (
              <button
                type="button"
                className="link"
                onClick={() =>
                  setEditingCategory(data?.categories.find((c) => c.id === g.id) ?? null)
                }
              >
                Edit category <span className="sr-only">{g.title}</span>
              </button>
            ) : null}
          </div>
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
                  {writable ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
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
                    {writable ? (
                      <td>
                        <button type="button" className="link" onClick={() => setEditing(s)}>
                          Edit <span className="sr-only">{s.title}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {data ? (
        <p className="muted">
          {data.resources.length} resources (rooms, chairs, devices):{' '}
          <a
            href={href('resources')}
            onClick={(e) => {
              e.preventDefault();
              navigate('resources');
            }}
          >
            manage resources
          </a>
        </p>
      ) : null}
      {creating === 'category' || editingCategory ? (
        <CategoryDialog
          {...(editingCategory ? { category: editingCategory } : {})}
          onClose={() => {
            setCreating(null);
            setEditingCategory(null);
          }}
          onCreated={(message) => {
            setCreating(null);
            setEditingCategory(null);
            setNotice(message);
            catalog.reload();
          }}
        />
      ) : null}
      {(creating === 'service' || editing) && data ? (
        <ServiceDialog
          service={editing}
          categories={data.categories}
          staff={data.staff}
          resources={data.resources}
          onClose={() => {
            setCreating(null);
            setEditing(null);
          }}
          onDone={(message) => {
            setCreating(null);
            setEditing(null);
            setNotice(message);
            catalog.reload();
          }}
        />
      ) : null}
    </div>
  );
}
