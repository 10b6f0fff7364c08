import { useId } from 'react';
import { FieldNote } from './FieldNote';
import { useChainLocations } from './use-chain-catalog';

/** Where a type or program is valid: locations of the chain; none ticked = every location. */
export function LocationPicker(props: {
  legend: string;
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const locations = useChainLocations();
  const noteId = useId();
  const toggle = (id: number, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((x) => x !== id));
  return (
    <fieldset
      className="service-picker"
      aria-describedby={props.error ? noteId : undefined}
      aria-invalid={props.error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      <small className="muted">
        {props.value.length
          ? `Only at the ${props.value.length === 1 ? 'location' : 'locations'} ticked.`
          : 'None ticked: every location of the chain.'}
      </small>
      <div className="checks">
        {locations.map((l) => (
          <label key={l.id} className="check">
            <input
              type="checkbox"
              checked={props.value.includes(l.id)}
              onChange={(e) => toggle(l.id, e.target.checked)}
            />
            {l.title}
          </label>
        ))}
        {props.value
          .filter((id) => !locations.some((l) => l.id === id))
          .map((id) => (
            <span key={id} className="muted">
              and location {id} (not yours to see)
            </span>
          ))}
      </div>
      <FieldNote id={noteId} message={props.error} />
    </fieldset>
  );
}
