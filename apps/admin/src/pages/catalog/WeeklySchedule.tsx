import { useState, type FormEvent } from 'react';
import { query, v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import { addDays, formatDay, todayIn, weekStart } from '../../time';
import type { StaffScheduleDay, TeamMember } from '../../types';
import {
  defaultWeek,
  planProblem,
  scheduleRequest,
  WEEKDAYS,
  type WeekdayPlan,
} from './schedule-plan';

/** A weekly plan of working hours, applied to the real dates of the next weeks. */
export function WeeklySchedule(props: { member: TeamMember }) {
  const { location, can } = useSession();
  const today = todayIn(location.timezone);
  const [week, setWeek] = useState<WeekdayPlan[]>(defaultWeek);
  const [start, setStart] = useState(() => weekStart(addDays(today, 7)));
  const [weeks, setWeeks] = useState(4);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [breaks, setBreaks] = useState<number[]>([]);
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
    setWeek((w) => w.map((d, j) => (j === i ? { ...d, ...change } : d)));
  };

  async function apply(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (week.some((d) => planProblem(d))) return;
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
      <form className="stack" onSubmit={(e) => void apply(e)}>
        <table className="week-table">
          <tbody>
            {WEEKDAYS.map((day, i) => (
              <tr key={day}>
                <th scope="row">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={week[i]!.works}
                      onChange={(e) => update(i, { works: e.target.checked })}
                    />
                    {day}
                  </label>
                </th>
                <td>
                  {week[i]!.works ? (
                    <>
                      <span className="inline-times">
                        <input
                          type="time"
                          aria-label={`${day} from`}
                          value={week[i]!.from}
                          step={300}
                          onChange={(e) => update(i, { from: e.target.value })}
                        />
                        –
                        <input
                          type="time"
                          aria-label={`${day} to`}
                          value={week[i]!.to}
                          step={300}
                          onChange={(e) => update(i, { to: e.target.value })}
                        />
                        {week[i]!.breakFrom || week[i]!.breakTo || breaks.includes(i) ? (
                          <>
                            <span className="muted">break</span>
                            <input
                              type="time"
                              aria-label={`${day} break from`}
                              value={week[i]!.breakFrom}
                              step={300}
                              onChange={(e) => update(i, { breakFrom: e.target.value })}
                            />
                            –
                            <input
                              type="time"
                              aria-label={`${day} break to`}
                              value={week[i]!.breakTo}
                              step={300}
                              onChange={(e) => update(i, { breakTo: e.target.value })}
                            />
                            <button
                              type="button"
                              className="link"
                              aria-label={`${day}: no break`}
                              onClick={() => {
                                setBreaks(breaks.filter((b) => b !== i));
                                update(i, { breakFrom: '', breakTo: '' });
                              }}
                            >
                              ×
                            </button>
                          </>
                        ) : (
                          <button
                            type="button"
                            className="link"
                            aria-label={`${day}: add a break`}
                            onClick={() => {
                              setBreaks([...breaks, i]);
                              update(i, { breakFrom: '13:00', breakTo: '14:00' });
                            }}
                          >
                            + break
                          </button>
                        )}
                      </span>
                      {planProblem(week[i]!) ? (
                        <span className="field-error block" role="alert">
                          {planProblem(week[i]!)}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">Day off</span>
                  )}
                </td>
              </tr>
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
