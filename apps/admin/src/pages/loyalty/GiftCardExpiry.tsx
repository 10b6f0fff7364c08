import { useId } from 'react';
import { FieldNote, invalidProps } from './FieldNote';
import { UNITS } from './units';

export interface Expiry {
  /** 0 never, 1 on a fixed date, 2 a period after the sale (the API's `expiration.type_id`). */
  type_id: number;
  /** The last day it is valid, a local date of the location (`YYYY-MM-DD`). */
  date: string;
  timeout: number;
  timeout_unit_id: number;
}

/** When a gift card stops being valid: never, on a fixed date, or a period after the sale. */
export function GiftCardExpiry(props: {
  value: Expiry;
  onChange: (next: Expiry) => void;
  timeZone: string;
  error: (field: string) => string | undefined;
}) {
  const v = props.value;
  const set = (patch: Partial<Expiry>) => props.onChange({ ...v, ...patch });
  const dateNote = useId();
  const timeoutNote = useId();
  const dateError = props.error('expiration.date');
  const timeoutError =
    props.error('expiration.timeout') ?? props.error('expiration.timeout_unit_id');
  return (
    <fieldset>
      <legend>Expiry</legend>
      <div className="row">
        <label>
          Expires
          <select value={v.type_id} onChange={(e) => set({ type_id: Number(e.target.value) })}>
            <option value={0}>Never</option>
            <option value={1}>On a fixed date</option>
            <option value={2}>A period after the sale</option>
          </select>
        </label>
        {v.type_id === 1 ? (
          <label>
            Valid until (inclusive)
            <input
              type="date"
              required
              value={v.date}
              onChange={(e) => set({ date: e.target.value })}
              {...invalidProps(dateNote, dateError)}
            />
          </label>
        ) : null}
        {v.type_id === 2 ? (
          <>
            <label>
              Valid for
              <input
                type="number"
                min={1}
                max={1000}
                required
                value={v.timeout}
                onChange={(e) => set({ timeout: Number(e.target.value) })}
                {...invalidProps(timeoutNote, timeoutError)}
              />
            </label>
            <label>
              Unit
              <select
                value={v.timeout_unit_id}
                onChange={(e) => set({ timeout_unit_id: Number(e.target.value) })}
              >
                {UNITS.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
      </div>
      {v.type_id === 1 ? (
        <small className="muted">
          Every card of this type ends at the end of that day ({props.timeZone} time), whenever it
          was sold.
        </small>
      ) : null}
      <FieldNote id={dateNote} message={v.type_id === 1 ? dateError : undefined} />
      <FieldNote id={timeoutNote} message={v.type_id === 2 ? timeoutError : undefined} />
    </fieldset>
  );
}
