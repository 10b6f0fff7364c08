import { v1 } from '../../api';
import { useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { Service } from '../../types';

/**
 * Which services a type covers, from this location's services; none ticked = every service.
 * Services of the chain's other locations that are already chosen stay chosen.
 */
export function ServicePicker(props: {
  legend: string;
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const { location } = useSession();
  const services = useLoad(
    async () => (await v1.get<Service[]>(`/company/${location.id}/services`)).data,
    [location.id],
  );
  const toggle = (id: number, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((x) => x !== id));
  return (
    <fieldset className="service-picker">
      <legend>{props.legend}</legend>
      <small className="muted">
        {props.value.length ? `${props.value.length} chosen` : 'None ticked: every service.'}
      </small>
      <div className="checks">
        {services.data?.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={props.value.includes(s.id)}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.title}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
