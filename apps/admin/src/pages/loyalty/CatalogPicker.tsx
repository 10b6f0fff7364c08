import { useId } from 'react';
import { Problem } from '../../components/status';
import type { Service } from '../../types';
import { CatalogStale } from './CatalogStale';
import { FieldNote } from './FieldNote';
import { useChainCatalog } from './use-chain-catalog';

export interface CatalogChoice {
  services: number[];
  categories: number[];
}

/**
 * What a type or program covers, from the catalogs of the locations it is valid at (`locationIds`;
 * none: every location of the chain).
 * `both`: whole categories and single services; `services`: services only;
 * `category`: exactly one category (a gift card for "services of a category").
 */
export function CatalogPicker(props: {
  legend: string;
  mode: 'both' | 'services' | 'category';
  value: CatalogChoice;
  onChange: (next: CatalogChoice) => void;
  hint: string;
  error?: string;
  /** The locations chosen for the type or program; [] or none: every location. */
  locationIds?: number[];
}) {
  const catalog = useChainCatalog();
  const noteId = useId();
  const radioName = useId();
  const v = props.value;
  const toggle = (list: number[], id: number, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  /** A service of a ticked category is covered anyway: shown ticked, not tickable on its own. */
  const service = (s: Service, inTicked = false) => (
    <label key={s.id} className="check">
      <input
        type="checkbox"
        disabled={inTicked}
        checked={inTicked || v.services.includes(s.id)}
        onChange={(e) =>
          props.onChange({ ...v, services: toggle(v.services, s.id, e.target.checked) })
        }
      />
      {s.title}
    </label>
  );
  const at = props.locationIds ?? [];
  const shown = (catalog.data ?? []).filter((c) => !at.length || at.includes(c.location.id));
  const hidden = (catalog.data ?? []).filter((c) => !shown.includes(c));
  const many = shown.length > 1;
  return (
    <fieldset
      className="service-picker catalog-picker"
      aria-describedby={props.error ? noteId : undefined}
    >
      <legend>{props.legend}</legend>
      <small className="muted">{props.hint}</small>
      {catalog.error ? <Problem error={catalog.error} right="catalog:read" /> : null}
      {shown.map(({ location, categories, loose }) => (
        <fieldset key={location.id} className="catalog-location">
          <legend className={many ? undefined : 'sr-only'}>{location.title}</legend>
          {categories.map((c) => (
            <div key={c.id} className="catalog-category">
              {props.mode === 'services' ? (
                <span className="catalog-category-title">{c.title}</span>
              ) : (
                <label className="check catalog-category-title">
                  <input
                    type={props.mode === 'category' ? 'radio' : 'checkbox'}
                    name={props.mode === 'category' ? radioName : undefined}
                    checked={v.categories.includes(c.id)}
                    onChange={(e) =>
                      props.onChange({
                        ...v,
                        categories:
                          props.mode === 'category'
                            ? [c.id]
                            : toggle(v.categories, c.id, e.target.checked),
                      })
                    }
                  />
                  {props.mode === 'category' ? c.title : `${c.title} (whole category)`}
                </label>
              )}
              {props.mode === 'category' ? null : (
                <div className="checks">
                  {c.services.map((x) =>
                    service(x, props.mode === 'both' && v.categories.includes(c.id)),
                  )}
                </div>
              )}
            </div>
          ))}
          {props.mode !== 'category' && loose.length ? (
            <div className="catalog-category">
              {categories.length ? (
                <span className="catalog-category-title">Without a category</span>
              ) : null}
              <div className="checks">{loose.map((x) => service(x))}</div>
            </div>
          ) : null}
        </fieldset>
      ))}
      <CatalogStale hidden={hidden} shown={shown} value={v} onChange={props.onChange} />
      <FieldNote id={noteId} message={props.error} />
    </fieldset>
  );
}
