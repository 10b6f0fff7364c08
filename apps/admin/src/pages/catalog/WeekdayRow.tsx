import { hhmm, minutesOf } from '../../time';
import { planProblems, type Interval, type WeekdayPlan } from './schedule-plan';

/**
 * One weekday of the weekly plan: works or not, its hours, and any number of breaks (added
 * and removed row by row). Each problem is shown under the row it is about and names it.
 */
export function WeekdayRow(props: {
  day: string;
  plan: WeekdayPlan;
  onChange: (change: Partial<WeekdayPlan>) => void;
}) {
  const { day, plan, onChange } = props;
  const problems = planProblems(day, plan);
  const setBreak = (i: number, change: Partial<Interval>) =>
    onChange({ breaks: plan.breaks.map((b, j) => (j === i ? { ...b, ...change } : b)) });
  const addBreak = () => {
    const last = plan.breaks[plan.breaks.length - 1];
    // The first break at lunch; a further one two hours after the last, for 15 minutes.
    const from = last?.to ? hhmm(Math.min(minutesOf(last.to) + 120, 23 * 60)) : '13:00';
    const to = last?.to ? hhmm(minutesOf(from) + 15) : '14:00';
    onChange({ breaks: [...plan.breaks, { from, to }] });
  };
  const alert = (row: 'hours' | number) =>
    problems
      .filter((p) => p.row === row)
      .map((p) => (
        <span key={p.message} className="field-error block" role="alert">
          {p.message}
        </span>
      ));

  return (
    <tr>
      <th scope="row">
        <label className="check">
          <input
            type="checkbox"
            checked={plan.works}
            onChange={(e) => onChange({ works: e.target.checked })}
          />
          {day}
        </label>
      </th>
      <td>
        {plan.works ? (
          <div className="day-plan">
            <span className="inline-times">
              <input
                type="time"
                aria-label={`${day} from`}
                value={plan.from}
                step={300}
                onChange={(e) => onChange({ from: e.target.value })}
              />
              –
              <input
                type="time"
                aria-label={`${day} to`}
                value={plan.to}
                step={300}
                onChange={(e) => onChange({ to: e.target.value })}
              />
              <button
                type="button"
                className="link"
                aria-label={`${day}: add a break`}
                onClick={addBreak}
              >
                + break
              </button>
            </span>
            {alert('hours')}
            {plan.breaks.map((b, i) => (
              <div key={i}>
                <span className="inline-times">
                  <span className="muted">break {i + 1}</span>
                  <input
                    type="time"
                    aria-label={`${day} break ${i + 1} from`}
                    value={b.from}
                    step={300}
                    onChange={(e) => setBreak(i, { from: e.target.value })}
                  />
                  –
                  <input
                    type="time"
                    aria-label={`${day} break ${i + 1} to`}
                    value={b.to}
                    step={300}
                    onChange={(e) => setBreak(i, { to: e.target.value })}
                  />
                  <button
                    type="button"
                    className="link"
                    aria-label={`${day}: remove break ${i + 1}`}
                    onClick={() => onChange({ breaks: plan.breaks.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </span>
                {alert(i)}
              </div>
            ))}
          </div>
        ) : (
          <span className="muted">Day off</span>
        )}
      </td>
    </tr>
  );
}
