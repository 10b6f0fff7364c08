import { useEffect, useMemo, useState } from 'react';
import { v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { href, navigate } from '../../router';
import { useMoney, useSession } from '../../session';
import type { ClientHit } from '../../types';
import { BulkPushDialog } from './BulkPushDialog';
import { ClientFilterFields, filtersOf, NO_FILTERS, type ClientFilterValues } from './filters';

const PAGE_SIZE = 25;

export function ClientsPage() {
  const { location } = useSession();
  const money = useMoney();
  const [values, setValues] = useState<ClientFilterValues>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState('last_visit_date');
  const [page, setPage] = useState(1);
  const [menu, setMenu] = useState(false);
  const [pushing, setPushing] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(values.text.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [values.text]);

  const filters = useMemo(() => filtersOf({ ...values, text: search }), [values, search]);
  const changeFilters = (next: ClientFilterValues) => {
    if (next.text === values.text) setPage(1);
    setValues(next);
  };

  const { data, error, loading, reload } = useLoad(async () => {
    const res = await v1.post<ClientHit[], { total_count: number }>(
      `/company/${location.id}/clients/search`,
      {
        page,
        page_size: PAGE_SIZE,
        order_by: order,
        order_by_direction: order === 'name' ? 'ASC' : 'DESC',
        filters,
      },
    );
    return { clients: res.data, total: res.meta.total_count };
  }, [location.id, filters, order, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div>
      <div className="page-head">
        <h1>Clients</h1>
        {data ? (
          <span className="muted" aria-live="polite">
            {data.total} {data.total === 1 ? 'client' : 'clients'}
          </span>
        ) : null}
        <span className="spacer" />
        <div
          className="menu-wrap"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menu) {
              setMenu(false);
              event.currentTarget.querySelector('button')?.focus();
            }
          }}
        >
          <button
            type="button"
            className="secondary"
            aria-expanded={menu}
            aria-controls="bulk-menu"
            onClick={() => setMenu(!menu)}
          >
            Bulk actions ▾
          </button>
          {menu ? (
            <ul id="bulk-menu" className="menu">
              <li>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setMenu(false);
                    setPushing(true);
                  }}
                >
                  Send push to the app
                </button>
              </li>
            </ul>
          ) : null}
        </div>
      </div>
      {pushing ? (
        <BulkPushDialog
          values={values}
          onChange={changeFilters}
          onClose={() => setPushing(false)}
        />
      ) : null}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <ClientFilterFields value={values} onChange={changeFilters} />
        <label>
          Sort by
          <select value={order} onChange={(e) => setOrder(e.target.value)}>
            <option value="last_visit_date">Last visit</option>
            <option value="name">Name</option>
            <option value="visits_count">Visits</option>
            <option value="sold_amount">Spent</option>
          </select>
        </label>
      </form>
      {error ? <Problem error={error} right="clients:read" onRetry={reload} /> : null}
      {data ? (
        data.clients.length === 0 ? (
          <p className="empty">
            {filters.length > 0 ? 'No client matches these filters.' : 'No clients yet.'}
          </p>
        ) : (
          <table className="table" aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Phone</th>
                <th scope="col" className="num">
                  Visits
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col">Last visit</th>
                <th scope="col">App</th>
              </tr>
            </thead>
            <tbody>
              {data.clients.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a
                      href={href(`clients/${c.id}`)}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`clients/${c.id}`);
                      }}
                    >
                      {[c.name, c.surname].filter(Boolean).join(' ') || '—'}
                    </a>
                  </td>
                  <td>{c.phone}</td>
                  <td className="num">{c.visits_count}</td>
                  <td className="num">{money(c.sold_amount ?? 0)}</td>
                  <td>
                    {c.last_visit_date ? (
                      c.last_visit_date.slice(0, 10)
                    ) : (
                      <span className="muted">never</span>
                    )}
                  </td>
                  <td>
                    {c.has_app ? (
                      <span className="badge app">Has the app</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="secondary"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
