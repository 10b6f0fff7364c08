import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { fieldError, Problem } from '../../components/status';
import { useSession } from '../../session';
import type { TeamMember } from '../../types';

/** Edit a team member (`PUT /staff/{id}/{staff_id}`, partial) or delete them. */
export function MemberDialog(props: {
  member: TeamMember;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const m = props.member;
  const { location } = useSession();
  const [name, setName] = useState(m.name);
  const [specialization, setSpecialization] = useState(m.specialization);
  const [hidden, setHidden] = useState(Boolean(m.hidden));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/staff/${location.id}/${m.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await v1.put(path, { name: name.trim(), specialization, hidden: hidden ? 1 : 0 });
      props.onDone(`${name.trim()} saved.`);
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    setError(null);
    try {
      await v1.del(path);
      props.onDone(`${m.name} removed from the team.`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Dialog title={`Edit ${m.name}`} onClose={props.onClose}>
      <form className="stack" onSubmit={(e) => void save(e)}>
        <label>
          Name
          <input
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldError(error, 'name') ? true : undefined}
          />
        </label>
        <label>
          Specialization
          <input
            maxLength={200}
            value={specialization}
            onChange={(e) => setSpecialization(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
          Hidden from online booking
        </label>
        {error ? <Problem error={error} right="catalog:write" /> : null}
        <div className="actions">
          {confirmDelete ? (
            <>
              <span>Remove {m.name} from the team?</span>
              <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                Yes, remove
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="danger-outline"
                onClick={() => setConfirmDelete(true)}
              >
                Delete
              </button>
              <button type="submit">Save</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
