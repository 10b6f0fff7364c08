import { useRef, useState } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, useAction } from '../../components/status';
import { useSession } from '../../session';
import { ClientPicker, type ChosenClient } from './ClientPicker';
import { navigate } from '../../router';
import { formatDay, formatDuration, hhmm, splitLocal } from '../../time';
import type { Appointment, GroupEvent } from '../../types';
import { ATTENDANCE, attendanceOf, clientName } from './data';

export function GroupEventDialog(props: {
  event: GroupEvent;
  attendees: Appointment[];
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const e = props.event;
  const { location, can } = useSession();
  const { busy, error, perform } = useAction();
  const [client, setClient] = useState<ChosenClient | null>(null);
  // A fresh picker after each attendee added.
  const [pickerKey, setPickerKey] = useState(0);
  // Said inside the dialog too: the page behind a modal is inert, its notices are not announced.
  const [said, setSaid] = useState<string | null>(null);
  const writable = can('records:write');

  async function run(action: () => Promise<unknown>, message: string) {
    await perform(async () => {
      await action();
      setSaid(message);
      props.onChanged(message);
    });
  }

  async function add() {
    if (!client) return;
    const chosen = client;
    await run(async () => {
      await v1.post(`/records/${location.id}`, {
        activity_id: e.id,
        client: { phone: chosen.phone, name: chosen.name },
      });
      setClient(null);
      setPickerKey((k) => k + 1);
    }, `${chosen.name} joined ${e.service.title}.`);
  }

  const mark = (a: Appointment, attendance: number) =>
    run(
      () => v1.post(`/company/${location.id}/records/${a.id}/attendance`, { attendance }),
      `${clientName(a)} marked ${attendanceOf(attendance).label.toLowerCase()}.`,
    );
  const cancelPlace = (a: Appointment) =>
    run(() => v1.del(`/record/${location.id}/${a.id}`), `${clientName(a)}’s place cancelled.`);

  const { date, minutes } = splitLocal(e.date);
  // Event and attendees follow the live calendar while the dialog is open (an online booking
  // appears here). Once a place was offered, the picker stays even if the last place goes
  // meanwhile, so what was typed is not lost; Add then waits for a free place.
  const free = Math.max(0, e.capacity - e.records_count);
  const offered = useRef(false);
  if (free > 0) offered.current = true;
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
              {writable ? (
                <>
                  <label className="sr-only" htmlFor={`attendance-${a.id}`}>
                    {`Mark ${clientName(a)} as`}
                  </label>
                  <select
                    id={`attendance-${a.id}`}
                    value={a.attendance}
                    disabled={busy}
                    onChange={(event) => void mark(a, Number(event.target.value))}
                  >
                    {ATTENDANCE.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="link danger-text"
                    disabled={busy}
                    aria-label={`Cancel ${clientName(a)}’s place`}
                    onClick={() => void cancelPlace(a)}
                  >
                    Cancel place
                  </button>
                </>
              ) : (
                <span className={`badge ${attendanceOf(a.attendance).className}`}>
                  {attendanceOf(a.attendance).label}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {said ? (
        <p className="notice success" role="status">
          {said}
        </p>
      ) : null}
      {writable && error ? <Problem error={error} right="records:write" /> : null}
      {writable && offered.current ? (
        <div className="stack add-attendee">
          <ClientPicker key={pickerKey} value={client} onChange={setClient} />
          {free === 0 ? <p className="muted">No place left: the event is full.</p> : null}
          <div className="actions">
            <button
              type="button"
              disabled={!client || busy || free === 0}
              onClick={() => void add()}
            >
              Add to the event
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
