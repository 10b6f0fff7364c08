import { useState } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import { ClientPicker, type ChosenClient } from './ClientPicker';
import { navigate } from '../../router';
import { formatDay, formatDuration, hhmm, splitLocal } from '../../time';
import type { Appointment, GroupEvent } from '../../types';
import { attendanceOf, clientName } from './data';

export function GroupEventDialog(props: {
  event: GroupEvent;
  attendees: Appointment[];
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const e = props.event;
  const { location, can } = useSession();
  const [client, setClient] = useState<ChosenClient | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A fresh picker after each attendee added.
  const [pickerKey, setPickerKey] = useState(0);

  async function add() {
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await v1.post(`/records/${location.id}`, {
        activity_id: e.id,
        client: { phone: client.phone, name: client.name },
      });
      setClient(null);
      setPickerKey((k) => k + 1);
      props.onChanged(`${client.name} joined ${e.service.title}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

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
      {can('records:write') && free > 0 ? (
        <div className="stack add-attendee">
          <ClientPicker key={pickerKey} value={client} onChange={setClient} />
          {error ? <Problem error={error} right="records:write" /> : null}
          <div className="actions">
            <button type="button" disabled={!client || busy} onClick={() => void add()}>
              Add to the event
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
