import { useState } from 'react';
import { query, v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { navigate } from '../../router';
import { useMoney, useSession } from '../../session';
import type { Appointment, Client } from '../../types';
import { attendanceOf } from '../calendar/data';
import { ClientLoyalty } from './ClientLoyalty';

type VisitStatus = 'all' | 'upcoming' | 'past' | 'canceled';

export function ClientCardPage(props: { clientId: number }) {
  const { location } = useSession();
  const money = useMoney();
  const [status, setStatus] = useState<VisitStatus>('all');
  const client = useLoad(
    async () => (await v1.get<Client>(`/client/${location.id}/${props.clientId}`)).data,
    [location.id, props.clientId],
  );
  const visits = useLoad(
    async () =>
      (
        await v1.get<Appointment[]>(
          `/client/${location.id}/${props.clientId}/visits${query({ status, count: 50 })}`,
        )
      ).data,
    [location.id, props.clientId, status],
  );

  const c = client.data;
  return (
    <div>
      <button type="button" className="link back" onClick={() => navigate('clients')}>
        ‹ All clients
      </button>
      {client.error ? <Problem error={client.error} right="clients:read" /> : null}
      {c ? (
        <>
          <div className="page-head">
            <h1>{[c.name, c.surname].filter(Boolean).join(' ')}</h1>
            {c.has_app ? (
              <span className="badge app large">Uses the Visita app</span>
            ) : (
              <span className="badge muted-badge large">No app yet</span>
            )}
          </div>
          <div className="cards">
            <section className="card" aria-labelledby="contact-h">
              <h2 id="contact-h">Contact</h2>
              <dl className="facts">
                <dt>Phone</dt>
                <dd>{c.phone}</dd>
                <dt>Email</dt>
                <dd>{c.email || '—'}</dd>
                <dt>Birthday</dt>
                <dd>{c.birth_date || '—'}</dd>
                {c.comment ? (
                  <>
                    <dt>Comment</dt>
                    <dd>{c.comment}</dd>
                  </>
                ) : null}
              </dl>
            </section>
            <section className="card stat" aria-labelledby="visits-h">
              <h2 id="visits-h">Visits</h2>
              <p className="big">{c.visits}</p>
            </section>
            <section className="card stat" aria-labelledby="spent-h">
              <h2 id="spent-h">Spent</h2>
              <p className="big">{money(c.spent)}</p>
            </section>
            <section className="card stat" aria-labelledby="app-h">
              <h2 id="app-h">Client app</h2>
              <p>
                {c.has_app
                  ? 'Signed in to the app with this phone: push messages reach them.'
                  : 'Has not signed in to the app with this phone.'}
              </p>
            </section>
          </div>
          <ClientLoyalty phone={c.phone} />
          <section aria-labelledby="history-h">
            <div className="page-head">
              <h2 id="history-h">Appointments</h2>
              <div className="segmented" role="group" aria-label="Which appointments">
                {(['all', 'upcoming', 'past', 'canceled'] as const).map((s) => (
                  <button
                    key={s}
                    type="button"
                    aria-pressed={status === s}
                    onClick={() => setStatus(s)}
                  >
                    {s[0]!.toUpperCase() + s.slice(1)}
                  </button>
                ))}
              </div>
            </div>
            {visits.error ? <Problem error={visits.error} right="clients:read" /> : null}
            {visits.data && visits.data.length === 0 ? (
              <p className="empty">No appointments here.</p>
            ) : null}
            {visits.data && visits.data.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Services</th>
                    <th scope="col">Team member</th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {visits.data.map((a) => (
                    <tr key={a.id} className={a.deleted ? 'deleted' : undefined}>
                      <td>{a.date.slice(0, 16)}</td>
                      <td>{a.services.map((s) => s.title).join(', ')}</td>
                      <td>{a.staff.name}</td>
                      <td className="num">
                        {money(a.services.reduce((sum, s) => sum + s.cost, 0))}
                      </td>
                      <td>
                        {a.deleted ? (
                          <span className="badge no-show">Cancelled</span>
                        ) : a.attendance === 0 && new Date(a.datetime).getTime() < Date.now() ? (
                          <span className="badge">Not marked</span>
                        ) : (
                          <span className={`badge ${attendanceOf(a.attendance).className}`}>
                            {attendanceOf(a.attendance).label}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
