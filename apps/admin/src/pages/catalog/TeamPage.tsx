import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { fieldError, Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { TeamMember } from '../../types';
import { initials } from '../calendar/CalendarGrid';
import { MemberDialog } from './MemberDialog';
import { WeeklySchedule } from './WeeklySchedule';

/** Team members and their weekly working hours, applied to real dates. */
export function TeamPage() {
  const { location, can } = useSession();
  const team = useLoad(
    async () => (await v1.get<TeamMember[]>(`/company/${location.id}/staff`)).data,
    [location.id],
  );
  const [selected, setSelected] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [specialization, setSpecialization] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<TeamMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const members = (team.data ?? []).filter((m) => !m.fired);
  const member = members.find((m) => m.id === selected) ?? members[0] ?? null;

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const res = await v1.post<TeamMember>(`/company/${location.id}/staff/quick`, {
        name,
        specialization,
      });
      setName('');
      setSpecialization('');
      setSelected(res.data.id);
      team.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div>
      <div className="page-head">
        <h1>Team</h1>
      </div>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {team.error ? (
        <Problem error={team.error} right="catalog:read" onRetry={team.reload} />
      ) : null}
      <div className="split">
        <section className="card" aria-labelledby="members-h">
          <h2 id="members-h">Team members</h2>
          <ul className="member-list">
            {members.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="member-item"
                  aria-pressed={member?.id === m.id}
                  onClick={() => setSelected(m.id)}
                >
                  <span className="avatar">{initials(m.name)}</span>
                  <span>
                    <strong>{m.name}</strong>
                    <span className="muted block">{m.specialization || 'No specialization'}</span>
                  </span>
                  {m.hidden ? <span className="badge">Hidden online</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {can('catalog:write') ? (
            <form
              className="stack add-member"
              onSubmit={(e) => void add(e)}
              aria-label="Add a team member"
            >
              <div className="row">
                <label>
                  Name
                  <input
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    required
                    maxLength={200}
                  />
                </label>
                <label>
                  Specialization
                  <input
                    value={specialization}
                    onChange={(e) => setSpecialization(e.target.value)}
                    maxLength={200}
                  />
                </label>
              </div>
              {error ? <Problem error={error} right="catalog:write" /> : null}
              {fieldError(error, 'name') ? (
                <p className="field-error">{fieldError(error, 'name')}</p>
              ) : null}
              <div className="actions">
                <button type="submit">Add team member</button>
              </div>
            </form>
          ) : null}
        </section>
        <div>
          {member && can('catalog:write') ? (
            <div className="toolbar member-tools">
              <button type="button" className="secondary" onClick={() => setEditing(member)}>
                Edit {member.name}
              </button>
            </div>
          ) : null}
          {member ? <WeeklySchedule key={member.id} member={member} /> : null}
        </div>
      </div>
      {editing ? (
        <MemberDialog
          member={editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            team.reload();
          }}
        />
      ) : null}
    </div>
  );
}
