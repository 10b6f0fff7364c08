import { useId } from 'react';
import { FieldNote, invalidProps } from './FieldNote';

export const EXPIRY_UNITS = [
  ['day', 'days'],
  ['week', 'weeks'],
  ['month', 'months'],
  ['year', 'years'],
] as const;

export interface ProgramExpiryValue {
  /** `expiration_timeout`: 0 = never. */
  timeout: number;
  unit: string;
  /** `expiration_notification_timeout` in days: 0 = the location's type-11 setting. */
  notifyDays: number;
}

/**
 * When what a card earned expires: an accumulative discount after it was granted, each bonus
 * after it was credited (a fixed discount never expires).
 */
export function ProgramExpiry(props: {
  value: ProgramExpiryValue;
  onChange: (next: ProgramExpiryValue) => void;
  cashback: boolean;
  error: (field: string) => string | undefined;
}) {
  const v = props.value;
  const set = (patch: Partial<ProgramExpiryValue>) => props.onChange({ ...v, ...patch });
  const ids = { timeout: useId(), unit: useId(), notify: useId() };
  const timeoutError = props.error('expiration_timeout');
  const unitError = props.error('expiration_timeout_unit');
  const notifyError = props.error('expiration_notification_timeout');
  return (
    <fieldset>
      <legend>Expiry</legend>
      <small className="muted">
        {props.cashback
          ? 'Each bonus credited expires this long after it was credited.'
          : 'A discount a card reaches expires this long after it was granted (a fixed discount never expires).'}{' '}
        0 = never.
      </small>
      <div className="row">
        <label>
          Expires after
          <input
            type="number"
            min={0}
            max={1000}
            required
            value={v.timeout}
            onChange={(e) => set({ timeout: Number(e.target.value) })}
            {...invalidProps(ids.timeout, timeoutError)}
          />
        </label>
        <label>
          Expiry unit
          <select
            value={v.unit}
            disabled={v.timeout === 0}
            onChange={(e) => set({ unit: e.target.value })}
            {...invalidProps(ids.unit, unitError)}
          >
            {EXPIRY_UNITS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Warn the client (days before)
          <input
            type="number"
            min={0}
            max={365}
            disabled={v.timeout === 0}
            value={v.notifyDays}
            onChange={(e) => set({ notifyDays: Number(e.target.value) })}
            {...invalidProps(ids.notify, notifyError)}
          />
        </label>
      </div>
      {v.timeout > 0 ? (
        <small className="muted">
          Warning days 0 = the location’s “Your discount expires soon” setting.
        </small>
      ) : null}
      <FieldNote id={ids.timeout} message={timeoutError} />
      <FieldNote id={ids.unit} message={unitError} />
      <FieldNote id={ids.notify} message={notifyError} />
    </fieldset>
  );
}
