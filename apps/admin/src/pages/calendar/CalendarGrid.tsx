import { useEffect } from 'react';
import type { Appointment, GroupEvent, StaffScheduleDay, TeamMember } from '../../types';
import { formatDay, hhmm, minutesOf, splitLocal } from '../../time';
import { attendanceOf, clientName, type CalendarData } from './data';
import { useAppointmentDrag, type DropTarget } from './drag';

const PX_PER_MIN = 1.1;

interface Lane {
  date: string;
  member: TeamMember;
  working: { from: number; to: number }[];
  appointments: Appointment[];
  events: GroupEvent[];
}

function lanesOf(data: CalendarData, dates: string[]): Lane[] {
  const scheduleOf = new Map<string, StaffScheduleDay>(
    data.schedules.map((d) => [`${d.staff_id}|${d.date}`, d]),
  );
  return dates.flatMap((date) =>
    data.members.map((member) => ({
      date,
      member,
      working: (scheduleOf.get(`${member.id}|${date}`)?.slots ?? []).map((s) => ({
        from: minutesOf(s.from),
        to: minutesOf(s.to),
      })),
      // Places in a group event are shown on the event, not as appointments of their own.
      appointments: data.appointments.filter(
        (a) => a.staff_id === member.id && !a.activity_id && a.date.startsWith(date),
      ),
      events: data.events.filter((e) => e.staff_id === member.id && e.date.startsWith(date)),
    })),
  );
}

/** The hours shown: the working hours and appointments of the range, at least 09–18. */
function hoursOf(lanes: Lane[]): { start: number; end: number } {
  let start = 9 * 60;
  let end = 18 * 60;
  for (const lane of lanes) {
    for (const w of lane.working) {
      start = Math.min(start, w.from);
      end = Math.max(end, w.to);
    }
    for (const item of [...lane.appointments, ...lane.events]) {
      const { minutes } = splitLocal(item.date);
      start = Math.min(start, minutes);
      end = Math.max(
        end,
        minutes + Math.round(('seance_length' in item ? item.seance_length : item.length) / 60),
      );
    }
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

export function CalendarGrid(props: {
  data: CalendarData;
  dates: string[];
  today: string;
  nowMinutes: number;
  onOpenAppointment: (a: Appointment) => void;
  onOpenEvent: (e: GroupEvent) => void;
  onPickSlot?: (memberId: number, date: string, minutes: number) => void;
  /** Given when the user may move appointments: dropping one asks it; true when it moved. */
  onMoveAppointment?: (a: Appointment, target: DropTarget) => Promise<boolean>;
  /** Told when a drag starts and ends (the background refresh waits for it). */
  onDragging?: (active: boolean) => void;
}) {
  const { data, dates, onMoveAppointment, onDragging } = props;
  const lanes = lanesOf(data, dates);
  const { start, end } = hoursOf(lanes);
  const drag = useAppointmentDrag({
    gridStart: start,
    stepMinutes: data.stepMinutes,
    pxPerMin: PX_PER_MIN,
    onDrop: onMoveAppointment ?? (() => Promise.resolve(false)),
  });
  const { settle } = drag;
  useEffect(settle, [data, settle]);
  const dragging = drag.target !== null || drag.saving;
  useEffect(() => onDragging?.(dragging), [dragging, onDragging]);
  const dragged = drag.target ? data.appointments.find((a) => a.id === drag.target!.id) : undefined;
  const placed = (lane: Lane): { a: Appointment; minutes: number }[] => {
    const t = drag.target;
    const own = lane.appointments
      .filter((a) => a.id !== t?.id)
      .map((a) => ({ a, minutes: splitLocal(a.date).minutes }));
    if (t && dragged && t.staffId === lane.member.id && t.date === lane.date)
      own.push({ a: dragged, minutes: t.minutes });
    return own;
  };
  const height = (end - start) * PX_PER_MIN;
  const hours: number[] = [];
  for (let m = start; m < end; m += 60) hours.push(m);
  const week = dates.length > 1;
  const y = (minutes: number) => (minutes - start) * PX_PER_MIN;

  if (data.members.length === 0)
    return (
      <p className="empty">
        No team members at this location yet. Add them in the catalog, then their columns appear
        here.
      </p>
    );

  return (
    <div
      className={week ? 'calendar-grid week' : 'calendar-grid'}
      style={{ ['--lanes' as string]: lanes.length }}
    >
      <div className="grid-head" aria-hidden="true">
        <div className="time-gutter" />
        {week
          ? dates.map((date) => (
              <div
                key={date}
                className={date === props.today ? 'day-head today' : 'day-head'}
                style={{ gridColumn: `span ${data.members.length}` }}
              >
                {formatDay(date, 'short')}
              </div>
            ))
          : null}
      </div>
      <div className="grid-head members" aria-hidden="true">
        <div className="time-gutter" />
        {lanes.map((lane) => (
          <div
            key={`${lane.date}|${lane.member.id}`}
            className="member-head"
            title={lane.member.name}
          >
            <span className="avatar">{initials(lane.member.name)}</span>
            <span className="member-name">{lane.member.name}</span>
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height }}>
        <div className="time-gutter">
          {hours.map((m) => (
            <span key={m} className="hour-label" style={{ top: y(m) }}>
              {hhmm(m)}
            </span>
          ))}
        </div>
        {lanes.map((lane) => (
          <section
            key={`${lane.date}|${lane.member.id}`}
            className="lane"
            aria-label={`${lane.member.name}, ${formatDay(lane.date)}`}
            data-staff={lane.member.id}
            data-date={lane.date}
            onClick={(event) => {
              if (!props.onPickSlot || event.target !== event.currentTarget || drag.wasDrag())
                return;
              const rect = event.currentTarget.getBoundingClientRect();
              const minutes = start + (event.clientY - rect.top) / PX_PER_MIN;
              props.onPickSlot(lane.member.id, lane.date, Math.floor(minutes / 15) * 15);
            }}
          >
            {hours.map((m) => (
              <span key={m} className="hour-line" style={{ top: y(m) }} aria-hidden="true" />
            ))}
            {lane.working.map((w) => (
              <span
                key={w.from}
                className="working"
                style={{ top: y(w.from), height: (w.to - w.from) * PX_PER_MIN }}
                aria-hidden="true"
              />
            ))}
            {lane.working.length === 0 ? <span className="day-off">Day off</span> : null}
            {lane.date === props.today && props.nowMinutes >= start && props.nowMinutes <= end ? (
              <span className="now-line" style={{ top: y(props.nowMinutes) }} aria-hidden="true" />
            ) : null}
            {placed(lane).map(({ a, minutes }) => {
              const length = a.seance_length / 60;
              const status = attendanceOf(a.attendance);
              const moving = drag.target?.id === a.id;
              return (
                <button
                  key={a.id}
                  type="button"
                  className={`event appointment ${status.className}${onMoveAppointment && !a.activity_id ? ' draggable' : ''}${moving ? ' dragging' : ''}`}
                  style={{ top: y(minutes), height: Math.max(length * PX_PER_MIN, 22) }}
                  aria-busy={moving && drag.saving ? true : undefined}
                  onPointerDown={onMoveAppointment ? (e) => drag.begin(a, e) : undefined}
                  onClick={() => {
                    if (!drag.wasDrag()) props.onOpenAppointment(a);
                  }}
                >
                  {/* The name is one hidden text; the visible parts are its short form. */}
                  <span className="sr-only">
                    {`${hhmm(minutes)}–${hhmm(minutes + length)} ${clientName(a)}, ${a.services.map((s) => s.title).join(', ')}, ${status.label}`}
                  </span>
                  <span className="event-time" aria-hidden="true">
                    {hhmm(minutes)}–{hhmm(minutes + length)}
                  </span>
                  <span className="event-title" aria-hidden="true">
                    {clientName(a)}
                  </span>
                  <span className="event-sub" aria-hidden="true">
                    {a.services.map((s) => s.title).join(', ')}
                  </span>
                </button>
              );
            })}
            {lane.events.map((e) => {
              const { minutes } = splitLocal(e.date);
              const length = e.length / 60;
              return (
                <button
                  key={`event-${e.id}`}
                  type="button"
                  className="event group"
                  style={{ top: y(minutes), height: Math.max(length * PX_PER_MIN, 22) }}
                  onClick={() => props.onOpenEvent(e)}
                >
                  <span className="sr-only">
                    {`Group event ${e.service.title} at ${hhmm(minutes)}, ${e.records_count} of ${e.capacity} places booked`}
                  </span>
                  <span className="event-time" aria-hidden="true">
                    {hhmm(minutes)}–{hhmm(minutes + length)} · group
                  </span>
                  <span className="event-title" aria-hidden="true">
                    {e.service.title}
                  </span>
                  <span className="event-sub" aria-hidden="true">
                    {e.records_count}/{e.capacity} booked
                  </span>
                </button>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
