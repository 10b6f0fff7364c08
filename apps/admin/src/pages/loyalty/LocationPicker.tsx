import { useId } from 'react';
import { FieldNote } from './FieldNote';
import { useChainLocations } from './use-chain-catalog';

/**
 * Where a type or program is valid. "Every location" is its own choice (`[]` on the wire: also
 * locations added later), distinct from ticking each of today's locations (pinned to them).
 */
export function LocationPicker(props: {
  legend: string;
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const locations = useChainLocations();
  const noteId = useId();
  const name = useId();
  const every = props.value.length === 0;
  /** Ticking one while "every location" is chosen limits it to that one. */
  const toggle = (id: number, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((x) => x !== id));
  return (
    <fieldset
      className="service-picker"
      aria-describedby={props.error ? noteId : undefined}
      aria-invalid={props.error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      <label className="check">
        <input type="radio" name={name} checked={every} onChange={() => props.onChange([])} />
        Every location, also ones added later
      </label>
      <label className="check">
        <input
          type="radio"
          name={name}
          checked={!every}
          onChange={() => props.onChange(locations.map((l) => l.id))}
        />
        Only the locations ticked
      </label>
      <div className="checks" role="group" aria-label="Locations">
        {locations.map((l) => {
          const on = props.value.includes(l.id);
          return (
            <label key={l.id} className="check">
              <input
                type="checkbox"
                checked={on}
                // The last ticked one stays: none ticked would mean every location.
                disabled={on && props.value.length === 1}
                onChange={(e) => toggle(l.id, e.target.checked)}
              />
              {l.title}
            </label>
          );
        })}
        {props.value
          .filter((id) => !locations.some((l) => l.id === id))
          .map((id) => (
            <span key={id} className="muted">
              and location {id} (not yours to see)
            </span>
          ))}
      </div>
      <small className="muted">
        {every
          ? 'Ticking a location limits it to the ones ticked.'
          : 'A location added later is left out. The last ticked one stays; to undo, choose every location.'}
      </small>
      <FieldNote id={noteId} message={props.error} />
    </fieldset>
  );
}
