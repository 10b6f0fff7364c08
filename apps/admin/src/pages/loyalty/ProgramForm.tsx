import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { fieldError, Problem } from '../../components/status';
import type { CardType, Program } from '../../types';
import { AppliesTo } from './AppliesTo';
import { CashbackLimits, type CashbackLimitsValue } from './CashbackLimits';
import { ProgramExpiry, type ProgramExpiryValue } from './ProgramExpiry';
import { ProgramTemplates, templateBody, templateOf } from './ProgramTemplates';
import { ProgramRules, type Rule } from './ProgramRules';
import { isAccumulative, PROGRAM_TYPES } from './program-kinds';

const SERVICE_ITEMS = [
  ['any_allowed', 'Every service'],
  ['custom_allowed', 'Only the services and categories ticked below'],
  ['not_allowed', 'No services'],
] as const;

/** The relations the form reads back (`?include=`). */
export const PROGRAM_INCLUDE =
  'rules,loyalty_card_types,companies,applicable_items,on_changed_notification_template,on_expiration_notification_template';

const draftOf = (p: Program | null, locationId: number, cardTypes: CardType[]) => ({
  title: p?.title ?? '',
  type: p?.type ?? 'discount_static',
  unit: p?.value_unit ?? 'percent',
  rules: p?.rules?.map((r): Rule => ({
    parameter: r.parameter,
    value: r.value,
    service_id: r.service_id,
  })) ?? [{ parameter: 0, value: 10, service_id: 0 }],
  cards: p?.loyalty_card_types?.map((c) => c.id) ?? cardTypes.map((c) => c.id).slice(0, 1),
  // `company_ids` (not `companies`): [] is every location, also ones added later.
  locations: p ? p.company_ids : [locationId],
  serviceItemType: p?.service_item_type ?? 'any_allowed',
  services: (p?.applicable_items ?? []).filter((i) => !i.is_category).map((i) => i.id),
  categories: (p?.applicable_items ?? []).filter((i) => i.is_category).map((i) => i.id),
  expiry: {
    timeout: p?.expiration_timeout ?? 0,
    unit: p?.expiration_timeout_unit ?? 'month',
    notifyDays: p?.expiration_notification_timeout ?? 0,
  } satisfies ProgramExpiryValue,
  limits: {
    visit_multiplicity: p?.visit_multiplicity ?? 0,
    usage_limit: p?.usage_limit ?? 0,
  } satisfies CashbackLimitsValue,
  changed: templateOf(p?.on_changed_notification_template),
  expiring: templateOf(p?.on_expiration_notification_template),
});
type Draft = ReturnType<typeof draftOf>;

/** A program: what it gives (discount/cashback), how much, where, on what, on which cards. */
export function ProgramForm(props: {
  chainId: number;
  locationId: number;
  cardTypes: CardType[];
  program: Program | null;
  onSaved: () => void;
}) {
  const p = props.program;
  const [d, setDraft] = useState(() => draftOf(p, props.locationId, props.cardTypes));
  /** A change makes the last refusal stale: it is cleared (saving again re-checks). */
  const set = (patch: Partial<Draft>) => {
    setError(null);
    setDraft({ ...d, ...patch });
  };
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const growing = isAccumulative(d.type);
  const err = (f: string) => fieldError(error, f);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const custom = d.serviceItemType === 'custom_allowed';
    const body = {
      title: d.title.trim(),
      type: d.type,
      value_unit: d.unit,
      company_ids: d.locations,
      service_item_type: d.serviceItemType,
      // Not offered in the form (no goods catalog, history options): an existing program keeps them.
      good_item_type: p?.good_item_type ?? 'any_allowed',
      allowed_good_ids: p?.allowed_good_ids ?? [],
      allowed_good_category_ids: p?.allowed_good_category_ids ?? [],
      sold_items_multiplicity: p?.sold_items_multiplicity ?? 0,
      params_source_type: p?.params_source_type ?? 'loyalty_card',
      history_start_date: p?.history_start_date ?? null,
      ...(d.type.startsWith('cashback_') ? d.limits : { visit_multiplicity: 0, usage_limit: 0 }),
      allowed_service_ids: custom ? d.services : [],
      allowed_service_category_ids: custom ? d.categories : [],
      rules: (growing ? d.rules : d.rules.slice(0, 1)).map((r) => ({
        parameter: growing ? r.parameter : 0,
        value: r.value,
        service_id: r.service_id,
      })),
      loyalty_card_type_ids: d.cards,
      expiration_timeout: d.expiry.timeout,
      expiration_timeout_unit: d.expiry.timeout > 0 ? d.expiry.unit : null,
      expiration_notification_timeout: d.expiry.timeout > 0 ? d.expiry.notifyDays : 0,
      on_changed_notification_template: templateBody(d.changed),
      on_expiration_notification_template: templateBody(d.expiring),
    };
    const base = `/chain/${props.chainId}/loyalty/programs`;
    try {
      if (p) await v1.put(`${base}/${p.id}`, body);
      else await v1.post(base, body);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void save(e)}>
      <label>
        Program title
        <input
          required
          maxLength={200}
          value={d.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <div className="row">
        <label className="grow">
          Kind
          <select value={d.type} onChange={(e) => set({ type: e.target.value })}>
            {PROGRAM_TYPES.map(([t, name]) => (
              <option key={t} value={t}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value in
          <select value={d.unit} onChange={(e) => set({ unit: e.target.value })}>
            <option value="percent">percent</option>
            <option value="amount">amount</option>
          </select>
        </label>
      </div>
      <ProgramRules
        growing={growing}
        rules={d.rules}
        onChange={(rules) => set({ rules })}
        error={err}
      />
      <fieldset>
        <legend>On loyalty cards of type</legend>
        {props.cardTypes.length === 0 ? (
          <p className="muted">No card types yet: add one under Loyalty cards first.</p>
        ) : null}
        {props.cardTypes.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={d.cards.includes(c.id)}
              onChange={(e) =>
                set({
                  cards: e.target.checked ? [...d.cards, c.id] : d.cards.filter((x) => x !== c.id),
                })
              }
            />
            {c.title}
          </label>
        ))}
      </fieldset>
      <AppliesTo
        locationLegend="Applies at"
        locations={d.locations}
        onLocations={(locations) => set({ locations })}
        locationError={err('company_ids')}
        catalog={
          d.serviceItemType === 'custom_allowed'
            ? {
                legend: 'Applies to the services',
                mode: 'both',
                hint: 'The ticked services and every service in the ticked categories.',
                value: { services: d.services, categories: d.categories },
                onChange: (v) => set({ services: v.services, categories: v.categories }),
                error: err('allowed_service_ids') ?? err('allowed_service_category_ids'),
              }
            : undefined
        }
      >
        <label>
          Services it acts on
          <select
            value={d.serviceItemType}
            onChange={(e) => set({ serviceItemType: e.target.value })}
          >
            {SERVICE_ITEMS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </AppliesTo>
      {d.type.startsWith('cashback_') ? (
        <CashbackLimits value={d.limits} onChange={(limits) => set({ limits })} error={err} />
      ) : null}
      <ProgramExpiry
        value={d.expiry}
        onChange={(expiry) => set({ expiry })}
        cashback={d.type.startsWith('cashback_')}
        error={err}
      />
      <ProgramTemplates changed={d.changed} expiring={d.expiring} onChange={set} error={err} />
      {error ? <Problem error={error} right="catalog:write" chain /> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {p ? 'Save program' : 'Create program'}
        </button>
      </div>
    </form>
  );
}
