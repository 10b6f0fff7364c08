import { Dialog } from '../../components/dialog';
import { navigate } from '../../router';
import { formatDay, formatDuration, hhmm, splitLocal } from '../../time';
import type { Appointment, GroupEvent } from '../../types';
import { attendanceOf, clientName } from './data';

export function GroupEventDialog(props: {
  event: GroupEvent;
  attendees: Appointment[];
  onClose: () => void;
}) {
  const e = props.event;
  const { date, minutes } = splitLocal(e.date);
  const free = Math.max(0, e.capacity - e.records_count);
  return (
    <Dialog title={`${e.service.title} · group event`} onClose={props.onClose}>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {formatDay(date)}, {hhmm(minutes)} ({formatDuration(e.length)})
        </dd>
        <dt>Led by</dt>
        <dd>{e.staff.name}</dd>
        <dt>Places</dt>
        <dd>
          {e.records_count} of {e.capacity} booked · {free} free
        </dd>
      </dl>
      <h3>Attendees</h3>
      {props.attendees.length === 0 ? (
        <p className="muted">Nobody has booked yet.</p>
      ) : (
        <ul className="attendees">
          {props.attendees.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="link"
                onClick={() => a.client && navigate(`clients/${a.client.id}`)}
              >
                {clientName(a)}
              </button>
              <span className="muted">{a.client?.phone}</span>
              {a.clients_count > 1 ? <span className="muted">×{a.clients_count}</span> : null}
              <span className={`badge ${attendanceOf(a.attendance).className}`}>
                {attendanceOf(a.attendance).label}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
