import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import { hhmm } from '../../time';
import type { FreeTime } from '../../types';
import { loadFreeTimes } from './data';

/**
 * The free start times of one team member on one date, from the server's slot engine (the desk
 * variant of `book_times`): working hours, breaks, other appointments, resources all counted.
 */
export function TimePicker(props: {
  staffId: number;
  date: string;
  serviceIds: number[];
  value: string | null;
  preferMinutes?: number | undefined;
  /** Moving this appointment: its own time is offered too. */
  movingRecordId?: number;
  onChange: (time: FreeTime | null) => void;
}) {
  const { location } = useSession();
  const { data, error, loading, reload } = useLoad(async () => {
    const times = await loadFreeTimes(
      location.id,
      props.staffId,
      props.date,
      props.serviceIds,
      props.movingRecordId,
    );
    // A click on the grid preselects the nearest free time at or after the clicked one.
    if (props.preferMinutes !== undefined) {
      const wanted = hhmm(props.preferMinutes);
      const pick = times.find((t) => t.time >= wanted);
      props.onChange(pick ?? null);
    } else props.onChange(null);
    return times;
  }, [location.id, props.staffId, props.date, props.serviceIds.join(','), props.movingRecordId]);

  if (error) return <Problem error={error} right="records:write" onRetry={reload} />;
  if (loading || !data) return <p className="muted">Looking for free times…</p>;
  if (data.length === 0)
    return (
      <p className="notice">
        No free time on this date for these services. Try another day or team member.
      </p>
    );
  return (
    <fieldset className="times">
      <legend>Free times</legend>
      <div className="time-grid">
        {data.map((t) => (
          <label
            key={t.datetime}
            className={props.value === t.datetime ? 'time-chip selected' : 'time-chip'}
          >
            <input
              type="radio"
              name="time"
              value={t.datetime}
              checked={props.value === t.datetime}
              onChange={() => props.onChange(t)}
            />
            {t.time}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
