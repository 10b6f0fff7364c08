import type { CatalogChoice } from './CatalogPicker';
import type { LocationCatalog } from './use-chain-catalog';

/**
 * Services and categories still ticked though their location is no longer chosen: kept (the
 * saved list still names them) and shown here with a warning, to untick or keep on purpose.
 */
export function CatalogStale(props: {
  hidden: LocationCatalog[];
  shown: LocationCatalog[];
  value: CatalogChoice;
  onChange: (next: CatalogChoice) => void;
}) {
  const v = props.value;
  const shownCategories = new Set(props.shown.flatMap((l) => l.categories.map((c) => c.id)));
  const shownServices = new Set(
    props.shown.flatMap((l) =>
      [...l.loose, ...l.categories.flatMap((c) => c.services)].map((s) => s.id),
    ),
  );
  const items = props.hidden.flatMap((l) => [
    ...l.categories
      .filter((c) => v.categories.includes(c.id) && !shownCategories.has(c.id))
      .map((c) => ({
        key: `c${c.id}`,
        id: c.id,
        category: true,
        title: c.title,
        at: l.location.title,
      })),
    ...[...l.categories.flatMap((c) => c.services), ...l.loose]
      .filter((s) => v.services.includes(s.id) && !shownServices.has(s.id))
      .map((s) => ({
        key: `s${s.id}`,
        id: s.id,
        category: false,
        title: s.title,
        at: l.location.title,
      })),
  ]);
  if (!items.length) return null;
  return (
    <fieldset className="catalog-location catalog-stale">
      <legend>Still ticked at locations not chosen</legend>
      <p className="notice">
        These stay in what you save until you untick them (or tick their location again).
      </p>
      <div className="checks">
        {items.map((i) => (
          <label key={i.key} className="check">
            <input
              type="checkbox"
              checked
              onChange={() =>
                props.onChange(
                  i.category
                    ? { ...v, categories: v.categories.filter((x) => x !== i.id) }
                    : { ...v, services: v.services.filter((x) => x !== i.id) },
                )
              }
            />
            {i.title}
            {i.category ? ' (whole category)' : ''} · {i.at}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
