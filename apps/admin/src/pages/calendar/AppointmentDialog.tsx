import { useState } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, useAction } from '../../components/status';
import { navigate } from '../../router';
import { useMoney, useSession } from '../../session';
import { formatDay, formatDuration, hhmm, splitLocal } from '../../time';
import type { Appointment, FreeTime, TeamMember } from '../../types';
import { ATTENDANCE, attendanceOf, clientName, moveAppointment } from './data';
import { LoyaltyPayment } from './LoyaltyPayment';
import { TimePicker } from './TimePicker';

const SOURCE: Record<string, string> = {
  online: 'Booked online',
  back_office: 'Made in the calendar',
  api: 'Made by an integration',
};

/** One appointment: its details, the attendance marks, moving it and cancelling it. */
export function AppointmentDialog(props: {
  appointment: Appointment;
  members: TeamMember[];
  onClose: () => void;
  onChanged: (message: string, keepOpen?: boolean) => void;
}) {
  const a = props.appointment;
  const { location, can } = useSession();
  const money = useMoney();
  const { busy, error, perform } = useAction();
  const [moving, setMoving] = useState(false);
  const [paying, setPaying] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { date, minutes } = splitLocal(a.date);
  const status = attendanceOf(a.attendance);
  const writable = can('records:write');

  async function run(action: () => Promise<unknown>, message: string, keepOpen = false) {
    await perform(async () => {
      await action();
      props.onChanged(message, keepOpen);
    });
  }

  const mark = (attendance: number) =>
    run(
      () => v1.post(`/company/${location.id}/records/${a.id}/attendance`, { attendance }),
      `Marked ${attendanceOf(attendance).label.toLowerCase()}.`,
      true,
    );

  const cancel = () =>
    run(() => v1.del(`/record/${location.id}/${a.id}`), 'Appointment cancelled.');

  return (
    <Dialog
      title={`${clientName(a)} · ${hhmm(minutes)}`}
      onClose={props.onClose}
      wide={moving || paying}
    >
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {formatDay(date)}, {hhmm(minutes)}–{hhmm(minutes + a.seance_length / 60)} (
          {formatDuration(a.seance_length)})
        </dd>
        <dt>Team member</dt>
        <dd>{a.staff.name}</dd>
        <dt>Services</dt>
        <dd>{a.services.map((s) => `${s.title} (${money(s.cost)})`).join(', ') || '—'}</dd>
        <dt>Client</dt>
        <dd>
          {a.client ? (
            <button
              type="button"
              className="link"
              onClick={() => navigate(`clients/${a.client!.id}`)}
            >
              {clientName(a)} · {a.client.phone}
            </button>
          ) : (
            'Walk-in'
          )}
        </dd>
        {a.comment ? (
          <>
            <dt>Comment</dt>
            <dd>{a.comment}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <span className={`badge ${status.className}`}>{status.label}</span>{' '}
          <span className="muted">{SOURCE[a.record_from] ?? a.record_from}</span>
        </dd>
      </dl>
      {writable ? (
        <div className="segmented attendance" role="group" aria-label="Mark as">
          {ATTENDANCE.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={a.attendance === option.value}
              disabled={busy}
              onClick={() => void mark(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      ) : null}
      {moving ? (
        <MoveForm
          appointment={a}
          members={props.members}
          busy={busy}
          onCancel={() => setMoving(false)}
          onMove={(staffId, time) =>
            void run(
              () => moveAppointment(location.id, a, staffId, time.datetime),
              `Moved to ${time.time}.`,
            )
          }
        />
      ) : null}
      {paying ? <LoyaltyPayment appointment={a} onBack={() => setPaying(false)} /> : null}
      {error ? <Problem error={error} right="records:write" /> : null}
      {writable && !moving && !paying ? (
        <div className="actions">
          {confirmCancel ? (
            <>
              <span>Cancel this appointment? The time becomes free again.</span>
              <button type="button" className="secondary" onClick={() => setConfirmCancel(false)}>
                Keep it
              </button>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void cancel()}
              >
                Yes, cancel it
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="danger-outline"
                onClick={() => setConfirmCancel(true)}
              >
                Cancel appointment
              </button>
              {a.client ? (
                <button type="button" className="secondary" onClick={() => setPaying(true)}>
                  Pay with loyalty…
                </button>
              ) : null}
              <button type="button" onClick={() => setMoving(true)}>
                Move…
              </button>
            </>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}

function MoveForm(props: {
  appointment: Appointment;
  members: TeamMember[];
  busy: boolean;
  onCancel: () => void;
  onMove: (staffId: number, time: FreeTime) => void;
}) {
  const a = props.appointment;
  const [staffId, setStaffId] = useState(a.staff_id);
  const [date, setDate] = useState(a.date.slice(0, 10));
  const [time, setTime] = useState<FreeTime | null>(null);
  return (
    <form
      className="stack move"
      aria-label="Move the appointment"
      onSubmit={(e) => {
        e.preventDefault();
        if (time) props.onMove(staffId, time);
      }}
    >
      <div className="row">
        <label>
          Team member
          <select value={staffId} onChange={(e) => setStaffId(Number(e.target.value))}>
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          New date
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
      </div>
      <TimePicker
        staffId={staffId}
        date={date}
        serviceIds={a.services.map((s) => s.id)}
        movingRecordId={a.id}
        value={time?.datetime ?? null}
        onChange={setTime}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onCancel}>
          Back
        </button>
        <button type="submit" disabled={!time || props.busy}>
          Move here
        </button>
      </div>
    </form>
  );
}
