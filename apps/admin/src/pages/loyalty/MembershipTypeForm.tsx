import { fieldError, Problem } from '../../components/status';
import type { MembershipType } from '../../types';
import { OnlineSaleFields } from './OnlineSaleFields';
import { AppliesTo } from './AppliesTo';
import { UNITS } from './units';
import { useTypeForm } from './use-type-form';

export interface MembershipDraft {
  title: string;
  cost: number;
  period: number;
  period_unit_id: number;
  visits: number;
  unlimited: boolean;
  allow_freeze: boolean;
  freeze_limit: number;
  services: number[];
  categories: number[];
  locations: number[];
  sale: { enabled: boolean; title: string; description: string; price: number };
}

export const draftOf = (t: MembershipType | null): MembershipDraft => ({
  title: t?.title ?? '',
  cost: t?.cost ?? 0,
  period: t?.period ?? 1,
  period_unit_id: t?.period_unit_id ?? 3,
  visits: t?.united_balance_services_count ?? 10,
  unlimited: t?.is_united_balance_unlimited ?? false,
  allow_freeze: t?.allow_freeze ?? false,
  freeze_limit: t?.freeze_limit ?? 0,
  services: t?.services ?? [],
  categories: t?.service_categories ?? [],
  locations: t?.attached_salon_ids ?? [],
  sale: {
    enabled: t?.is_online_sale_enabled ?? false,
    title: t?.online_sale_title ?? '',
    description: t?.online_sale_description ?? '',
    price: t?.online_sale_price ?? 0,
  },
});

/** Create or change a membership type (`POST`/`PUT /chain/{id}/loyalty/abonement_types`). */
export function MembershipTypeForm(props: {
  chainId: number;
  type: MembershipType | null;
  onSaved: (type: MembershipType) => void;
}) {
  const bodyOf = (d: MembershipDraft) => ({
    title: d.title.trim(),
    cost: d.cost,
    period: d.period,
    period_unit_id: d.period_unit_id,
    allow_freeze: d.allow_freeze,
    freeze_limit: d.allow_freeze ? d.freeze_limit : 0,
    is_united_balance: true,
    united_balance_services_count: d.unlimited ? 0 : d.visits,
    is_united_balance_unlimited: d.unlimited,
    is_online_sale_enabled: d.sale.enabled,
    online_sale_title: d.sale.title,
    online_sale_description: d.sale.description,
    online_sale_price: d.sale.price,
    services: d.services,
    service_categories: d.categories,
    salon_ids: d.locations,
  });
  const {
    draft: d,
    set,
    save,
    error,
    busy,
    saved,
  } = useTypeForm({
    initial: () => draftOf(props.type),
    base: `/chain/${props.chainId}/loyalty/abonement_types`,
    id: props.type?.id ?? null,
    bodyOf,
    onSaved: props.onSaved,
  });
  const err = (f: string) => fieldError(error, f);

  return (
    <form className="stack" onSubmit={(e) => void save(e)}>
      <div className="row">
        <label className="grow">
          Title
          <input
            required
            maxLength={200}
            value={d.title}
            onChange={(e) => set({ title: e.target.value })}
            aria-invalid={err('title') ? true : undefined}
          />
        </label>
        <label>
          Price at the desk
          <input
            type="number"
            min={0}
            step="0.01"
            required
            value={d.cost}
            onChange={(e) => set({ cost: Number(e.target.value) })}
          />
        </label>
      </div>
      <div className="row">
        <label>
          Valid for
          <input
            type="number"
            min={1}
            max={1000}
            required
            value={d.period}
            onChange={(e) => set({ period: Number(e.target.value) })}
          />
        </label>
        <label>
          Unit
          <select
            value={d.period_unit_id}
            onChange={(e) => set({ period_unit_id: Number(e.target.value) })}
          >
            {UNITS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Visits
          <input
            type="number"
            min={1}
            max={100000}
            disabled={d.unlimited}
            value={d.visits}
            onChange={(e) => set({ visits: Number(e.target.value) })}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={d.unlimited}
            onChange={(e) => set({ unlimited: e.target.checked })}
          />
          Unlimited visits
        </label>
      </div>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={d.allow_freeze}
            onChange={(e) => set({ allow_freeze: e.target.checked })}
          />
          May be frozen
        </label>
        {d.allow_freeze ? (
          <label>
            Freezing days in total
            <input
              type="number"
              min={0}
              max={3650}
              value={d.freeze_limit}
              onChange={(e) => set({ freeze_limit: Number(e.target.value) })}
            />
          </label>
        ) : null}
      </div>
      <AppliesTo
        locations={d.locations}
        onLocations={(locations) => set({ locations })}
        locationError={err('salon_ids')}
        catalog={{
          legend: 'Covers the services',
          mode: 'both',
          hint:
            d.services.length + d.categories.length
              ? 'Visits of the ticked services and of every service in the ticked categories.'
              : 'None ticked: every service.',
          value: { services: d.services, categories: d.categories },
          onChange: (v) => set({ services: v.services, categories: v.categories }),
          error: err('services') ?? err('service_categories'),
        }}
      />
      <OnlineSaleFields value={d.sale} onChange={(sale) => set({ sale })} error={err} />
      {error ? <Problem error={error} right="catalog:write" chain /> : null}
      <div className="actions">
        {saved ? (
          <span className="saved" role="status">
            Saved
          </span>
        ) : null}
        <button type="submit" disabled={busy}>
          {props.type ? 'Save changes' : 'Create type'}
        </button>
      </div>
    </form>
  );
}
