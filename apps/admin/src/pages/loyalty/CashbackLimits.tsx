import { useId } from 'react';
import { FieldNote, invalidProps } from './FieldNote';

export interface CashbackLimitsValue {
  /** Credit only on every N-th visit of the card (0 or 1: every visit). */
  visit_multiplicity: number;
  /** At most N credits per card from this program (0: no limit). */
  usage_limit: number;
}

/** The seed's "only for cashback" limits. */
export function CashbackLimits(props: {
  value: CashbackLimitsValue;
  onChange: (next: CashbackLimitsValue) => void;
  error: (field: string) => string | undefined;
}) {
  const v = props.value;
  const ids = { every: useId(), limit: useId() };
  const everyError = props.error('visit_multiplicity');
  const limitError = props.error('usage_limit');
  return (
    <fieldset>
      <legend>Cashback limits</legend>
      <div className="row">
        <label>
          Credit on every Nth visit (0 or 1: every visit)
          <input
            type="number"
            min={0}
            max={1000000}
            value={v.visit_multiplicity}
            onChange={(e) => props.onChange({ ...v, visit_multiplicity: Number(e.target.value) })}
            {...invalidProps(ids.every, everyError)}
          />
        </label>
        <label>
          At most this many credits per card (0: no limit)
          <input
            type="number"
            min={0}
            max={1000000}
            value={v.usage_limit}
            onChange={(e) => props.onChange({ ...v, usage_limit: Number(e.target.value) })}
            {...invalidProps(ids.limit, limitError)}
          />
        </label>
      </div>
      <FieldNote id={ids.every} message={everyError} />
      <FieldNote id={ids.limit} message={limitError} />
    </fieldset>
  );
}
