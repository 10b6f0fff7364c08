import { useId } from 'react';
import { FieldNote } from './FieldNote';

export interface Rule {
  parameter: number;
  value: number;
  /** Kept as the program has it (not edited here). */
  service_id: number;
}

/** A program's value: one for a fixed program, levels with thresholds for a growing one. */
export function ProgramRules(props: {
  growing: boolean;
  rules: Rule[];
  onChange: (rules: Rule[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { growing, rules } = props;
  const note = useId();
  const setRule = (i: number, patch: Partial<Rule>) =>
    props.onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>{growing ? 'Levels' : 'Value'}</legend>
      {(growing ? rules : rules.slice(0, 1)).map((r, i) => (
        <div className="row" key={i}>
          {growing ? (
            <label>
              From (visits or amount)
              <input
                type="number"
                min={0}
                value={r.parameter}
                onChange={(e) => setRule(i, { parameter: Number(e.target.value) })}
                aria-label={`Level ${i + 1}: from`}
              />
            </label>
          ) : null}
          <label>
            {growing ? `Level ${i + 1}: value` : 'Value'}
            <input
              type="number"
              min={0}
              step="0.01"
              value={r.value}
              onChange={(e) => setRule(i, { value: Number(e.target.value) })}
              aria-invalid={props.error(`rules.${i}.value`) ? true : undefined}
            />
          </label>
        </div>
      ))}
      {growing ? (
        <button
          type="button"
          className="link"
          onClick={() => props.onChange([...rules, { parameter: 0, value: 0, service_id: 0 }])}
        >
          + Add a level
        </button>
      ) : null}
      <FieldNote id={note} message={props.error('rules')} />
    </fieldset>
  );
}
