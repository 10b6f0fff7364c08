import { useEffect, useState } from 'react';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import {
  addDays,
  formatDay,
  formatRange,
  hhmm,
  nowMinutesIn,
  todayIn,
  weekStart,
} from '../../time';
import type { Appointment, GroupEvent } from '../../types';
import { AppointmentDialog } from './AppointmentDialog';
import { CalendarGrid } from './CalendarGrid';
import { clientName, loadCalendar, moveAppointment } from './data';
import type { DropTarget } from './drag';
import { GroupEventDialog } from './GroupEventDialog';
import { loadMarker, useCalendarRefresh } from './live';
import { NewAppointmentDialog, type NewAppointmentPreset } from './NewAppointmentDialog';

type View = 'day' | 'week';

export function CalendarPage() {
  const { location, can } = useSession();
  const today = todayIn(location.timezone);
  const [view, setView] = useState<View>('day');
  const [date, setDate] = useState(today);
  const [creating, setCreating] = useState<NewAppointmentPreset | null>(null);
  const [open, setOpen] = useState<Appointment | null>(null);
  const [openEvent, setOpenEvent] = useState<GroupEvent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const [nowMinutes, setNowMinutes] = useState(() => nowMinutesIn(location.timezone));

  useEffect(() => {
    const timer = setInterval(() => setNowMinutes(nowMinutesIn(location.timezone)), 60_000);
    return () => clearInterval(timer);
  }, [location.timezone]);

  const from = view === 'day' ? date : weekStart(date);
  const days = view === 'day' ? 1 : 7;
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const { data, error, loading, reload } = useLoad(
    () => loadCalendar(location.id, from, days),
    [location.id, from, days],
  );
  const [dragging, setDragging] = useState(false);
  // Changes made elsewhere (online bookings, other admins) appear without a reload. An open
  // group event's dialog follows them too (its attendees and places come from this data, and it
  // stays mounted across the reload, so the picker keeps what is typed); an appointment's or a
  // new appointment's form, and a drag, hold them until they end.
  useCalendarRefresh({
    known: data?.range === `${from}/${days}` ? data.marker : undefined,
    check: () => loadMarker(location.id, from, days),
    reload,
    paused: dragging || creating !== null || open !== null,
  });

  const step = (direction: 1 | -1) => setDate(addDays(date, direction * days));
  const done = (message: string) => {
    setNotice(message);
    setCreating(null);
    setOpen(null);
    reload();
  };
  const dropped = async (a: Appointment, t: DropTarget): Promise<boolean> => {
    setMoveError(null);
    setNotice(null);
    try {
      await moveAppointment(location.id, a, t.staffId, `${t.date} ${hhmm(t.minutes)}:00`);
    } catch (e) {
      setMoveError(e);
      return false;
    }
    const member = data?.members.find((m) => m.id === t.staffId)?.name ?? 'the team member';
    setNotice(
      `Moved ${clientName(a)} to ${hhmm(t.minutes)}, ${formatDay(t.date)}, with ${member}.`,
    );
    reload();
    return true;
  };
  // The dialog follows the fresh copy of the appointment after each change.
  const current = open && data ? (data.appointments.find((a) => a.id === open.id) ?? open) : open;

  return (
    <div className="calendar-page">
      <div className="page-head">
        <h1>Calendar</h1>
        <div className="toolbar" role="toolbar" aria-label="Calendar navigation">
          <button type="button" className="secondary" onClick={() => setDate(today)}>
            Today
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Previous ${view}`}
            onClick={() => step(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Next ${view}`}
            onClick={() => step(1)}
          >
            ›
          </button>
          <label className="date-input">
            <span className="sr-only">Date</span>
            <input
              type="date"
              value={date}
              aria-label="Date"
              onChange={(e) => e.target.value && setDate(e.target.value)}
            />
          </label>
          <div className="segmented" role="group" aria-label="View">
            {(['day', 'week'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                {v === 'day' ? 'Day' : 'Week'}
              </button>
            ))}
          </div>
          {can('records:write') ? (
            <button type="button" onClick={() => setCreating({ date })}>
              + New appointment
            </button>
          ) : null}
        </div>
      </div>
      <p className="range-title" aria-live="polite">
        {view === 'day' ? formatDay(date) : formatRange(dates[0]!, dates[6]!)}
        <span className="muted"> · {location.timezone}</span>
        {loading ? <span className="muted"> · loading…</span> : null}
      </p>
      {notice ? (
        <div className="notice success" role="status">
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {moveError ? <Problem error={moveError} right="records:write" /> : null}
      {error ? <Problem error={error} right="records:read" onRetry={reload} /> : null}
      {data ? (
        <CalendarGrid
          data={data}
          dates={dates}
          today={today}
          nowMinutes={nowMinutes}
          onOpenAppointment={setOpen}
          onOpenEvent={setOpenEvent}
          onDragging={setDragging}
          {...(can('records:write')
            ? {
                onPickSlot: (staffId: number, d: string, minutes: number) =>
                  setCreating({ date: d, staffId, minutes }),
                onMoveAppointment: dropped,
              }
            : {})}
        />
      ) : null}
      {data && data.appointments.length === 0 && data.events.length === 0 ? (
        <p className="muted center">No appointments in this {view}.</p>
      ) : null}
      {creating && data ? (
        <NewAppointmentDialog
          preset={creating}
          members={data.members}
          onClose={() => setCreating(null)}
          onCreated={(a) =>
            done(
              `Appointment booked for ${a.client?.name ?? 'the client'} at ${a.date.slice(11, 16)}.`,
            )
          }
        />
      ) : null}
      {current && data ? (
        <AppointmentDialog
          appointment={current}
          members={data.members}
          onClose={() => setOpen(null)}
          onChanged={(message, keepOpen) => {
            setNotice(message);
            if (!keepOpen) setOpen(null);
            reload();
          }}
        />
      ) : null}
      {openEvent && data ? (
        <GroupEventDialog
          event={data.events.find((e) => e.id === openEvent.id) ?? openEvent}
          attendees={data.appointments.filter((a) => a.activity_id === openEvent.id)}
          onClose={() => setOpenEvent(null)}
          onChanged={(message) => {
            setNotice(message);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
