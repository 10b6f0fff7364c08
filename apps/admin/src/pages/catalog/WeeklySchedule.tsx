import { useEffect, useState, type FormEvent } from 'react';
import { query, v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import { addDays, formatDay, todayIn, weekStart } from '../../time';
import type { StaffScheduleDay, TeamMember } from '../../types';
import {
  defaultWeek,
  planFromSchedule,
  planProblems,
  scheduleRequest,
  WEEKDAYS,
  type WeekdayPlan,
} from './schedule-plan';
import { WeekdayRow } from './WeekdayRow';

/** How many weeks of the stored schedule the form's plan is read from. */
const READ_WEEKS = 4;

/**
 * A weekly plan of working hours, applied to the real dates of the next weeks. It opens with the
 * member's current plan, read from their stored days of this and the next weeks (several breaks
 * a day included), or the default plan when none is stored, and says which.
 */
export function WeeklySchedule(props: { member: TeamMember }) {
  const { location, can } = useSession();
  const today = todayIn(location.timezone);
  const readFrom = weekStart(today);
  const current = useLoad(
    async () =>
      planFromSchedule(
        (
          await v1.get<StaffScheduleDay[]>(
            `/company/${location.id}/staff/schedule${query({ start_date: readFrom, end_date: addDays(readFrom, READ_WEEKS * 7 - 1), staff_ids: [props.member.id] })}`,
          )
        ).data,
      ),
    [location.id, props.member.id, readFrom],
  );
  const [week, setWeek] = useState<WeekdayPlan[] | null>(null);
  // Once read (or refused: then the default plan, under the refusal), the form starts from it.
  useEffect(
    () => setWeek(current.data?.week ?? (current.error ? defaultWeek() : null)),
    [current.data, current.error],
  );
  const [start, setStart] = useState(() => weekStart(addDays(today, 7)));
  const [weeks, setWeeks] = useState(4);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shown = useLoad(
    async () =>
      (
        await v1.get<StaffScheduleDay[]>(
          `/company/${location.id}/staff/schedule${query({ start_date: start, end_date: addDays(start, 13), staff_ids: [props.member.id] })}`,
        )
      ).data,
    [location.id, props.member.id, start],
  );

  const update = (i: number, change: Partial<WeekdayPlan>) => {
    setSaved(null);
    setWeek((w) => w && w.map((d, j) => (j === i ? { ...d, ...change } : d)));
  };

  async function apply(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!week || week.some((d, i) => planProblems(WEEKDAYS[i]!, d).length > 0)) return;
    try {
      await v1.put(
        `/company/${location.id}/staff/schedule`,
        scheduleRequest(props.member.id, week, start, weeks),
      );
      setSaved(`Applied to ${weeks} ${weeks === 1 ? 'week' : 'weeks'} from ${formatDay(start)}.`);
      shown.reload();
    } catch (e) {
      setError(e);
    }
  }

  const byDate = new Map((shown.data ?? []).map((d) => [d.date, d]));
  return (
    <section className="card" aria-labelledby="week-h">
      <h2 id="week-h">Working hours of {props.member.name}</h2>
      {current.error ? <Problem error={current.error} right="schedule:read" /> : null}
      {current.data ? (
        <p className="notice" role="status">
          {current.data.source === 'schedule'
            ? `From ${props.member.name}'s current schedule (${READ_WEEKS} weeks from ${formatDay(readFrom, 'short')}).`
            : `No schedule stored for the coming weeks: this is the default plan (Monday to Friday, 09:00–18:00).`}
          {current.data.varying.length
            ? ` The weeks differ on ${current.data.varying.join(', ')}: the most frequent hours are shown.`
            : ''}
        </p>
      ) : null}
      {week ? (
        <form className="stack" onSubmit={(e) => void apply(e)}>
          <table className="week-table">
            <tbody>
              {WEEKDAYS.map((day, i) => (
                <WeekdayRow key={day} day={day} plan={week[i]!} onChange={(c) => update(i, c)} />
              ))}
            </tbody>
          </table>
          <div className="row">
            <label>
              From the week of
              <input
                type="date"
                value={start}
                onChange={(e) => e.target.value && setStart(e.target.value)}
              />
            </label>
            <label>
              For
              <select
                aria-label="For how many weeks"
                value={weeks}
                onChange={(e) => setWeeks(Number(e.target.value))}
              >
                {[1, 2, 4, 8, 12, 26, 52].map((n) => (
                  <option key={n} value={n}>
                    {n} {n === 1 ? 'week' : 'weeks'}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {error ? <Problem error={error} right="schedule:write" /> : null}
          <div className="actions">
            {saved ? (
              <span className="saved" role="status">
                {saved}
              </span>
            ) : null}
            {can('schedule:write') ? <button type="submit">Apply to these dates</button> : null}
          </div>
        </form>
      ) : null}
      <h3>Next two weeks from {formatDay(start, 'short')}</h3>
      {shown.error ? <Problem error={shown.error} right="schedule:read" /> : null}
      <ol className="days-strip" aria-label="Schedule by date">
        {Array.from({ length: 14 }, (_, i) => addDays(start, i)).map((date) => {
          const slots = byDate.get(date)?.slots ?? [];
          return (
            <li key={date} className={slots.length ? 'on' : 'off'}>
              <span className="strip-date">{formatDay(date, 'short')}</span>
              <span>{slots.length ? slots.map((s) => `${s.from}–${s.to}`).join(', ') : 'off'}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
