import { fieldError, Problem } from '../../components/status';
import { useSession } from '../../session';
import { endOfDayIn, todayIn } from '../../time';
import type { GiftCardType } from '../../types';
import { AppliesTo } from './AppliesTo';
import { FieldNote, invalidProps } from './FieldNote';
import { GiftCardExpiry } from './GiftCardExpiry';
import { OnlineSaleFields } from './OnlineSaleFields';
import { useTypeForm } from './use-type-form';

/** The API's `item_type_id`: what the card may pay for. */
const ITEMS = [
  [0, 'Any services and goods'],
  [1, 'Services only'],
  [2, 'Goods only (never pays a visit)'],
  [3, 'The services ticked below'],
  [4, 'Services of one category'],
] as const;

/** Create or change a gift card (certificate) type, the seed's body. */
export function GiftCardTypeForm(props: {
  chainId: number;
  type: GiftCardType | null;
  onSaved: (type: GiftCardType) => void;
}) {
  const { location } = useSession();
  const tz = location.timezone;
  const t = props.type;
  const initial = () => ({
    title: t?.title ?? '',
    balance: t?.balance ?? 50,
    is_multi: t?.is_multi ?? true,
    item_type_id: t?.item_type_id ?? 0,
    services: t?.service_ids ?? [],
    category: t?.category_id ?? null,
    locations: t?.salon_ids ?? [],
    expiry: {
      type_id: t?.expiration_type_id ?? 2,
      date: t?.expiration_date ? todayIn(tz, new Date(t.expiration_date)) : '',
      timeout: t?.expiration_timeout ?? 12,
      timeout_unit_id: t?.expiration_timeout_unit_id ?? 3,
    },
    sale: {
      enabled: t?.online_sale_is_enabled ?? false,
      title: t?.online_sale_title ?? '',
      description: t?.online_sale_description ?? '',
      price: t?.online_sale_price ?? 0,
    },
  });
  const bodyOf = (d: ReturnType<typeof initial>) => ({
    title: d.title.trim(),
    balance: d.balance,
    is_multi: d.is_multi,
    item_type_id: d.item_type_id,
    // Not offered in the form; an existing type keeps what it has.
    is_allow_empty_code: t?.is_allow_empty_code ?? false,
    balance_edit_type_id: t?.balance_edit_type_id ?? 1,
    service_ids: d.item_type_id === 3 ? d.services : [],
    category_id: d.item_type_id === 4 ? d.category : null,
    salon_ids: d.locations,
    expiration:
      d.expiry.type_id === 1
        ? { type_id: 1, date: d.expiry.date ? endOfDayIn(d.expiry.date, tz) : null }
        : d.expiry.type_id === 2
          ? { type_id: 2, timeout: d.expiry.timeout, timeout_unit_id: d.expiry.timeout_unit_id }
          : { type_id: 0 },
    online_sale: {
      is_enabled: d.sale.enabled,
      title: d.sale.title,
      description: d.sale.description,
      price: d.sale.price,
    },
  });
  const {
    draft: d,
    set,
    save,
    error,
    busy,
    saved,
  } = useTypeForm({
    initial,
    base: `/chain/${props.chainId}/loyalty/certificate_types`,
    id: t?.id ?? null,
    bodyOf,
    onSaved: props.onSaved,
  });
  const err = (f: string) => fieldError(error, f, `online_sale.${f.replace('online_sale_', '')}`);
  const balanceError = fieldError(error, 'balance');

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
          Face value
          <input
            type="number"
            min={0.01}
            step="0.01"
            required
            value={d.balance}
            onChange={(e) => set({ balance: Number(e.target.value) })}
            {...invalidProps('gift-balance-note', balanceError)}
          />
        </label>
      </div>
      <FieldNote id="gift-balance-note" message={balanceError} />
      <div className="row">
        <label>
          Use
          <select
            value={d.is_multi ? 'multi' : 'single'}
            onChange={(e) => set({ is_multi: e.target.value === 'multi' })}
          >
            <option value="multi">Several visits until the balance is spent</option>
            <option value="single">Once (the rest is lost)</option>
          </select>
        </label>
      </div>
      <AppliesTo
        locations={d.locations}
        onLocations={(locations) => set({ locations })}
        locationError={fieldError(error, 'salon_ids')}
        catalog={
          d.item_type_id === 3 || d.item_type_id === 4
            ? {
                legend: d.item_type_id === 3 ? 'Pays for the services' : 'Pays for the category',
                mode: d.item_type_id === 3 ? 'services' : 'category',
                hint:
                  d.item_type_id === 3
                    ? 'Tick at least one service.'
                    : 'Choose the category whose services it pays for.',
                value: { services: d.services, categories: d.category ? [d.category] : [] },
                onChange: (v) => set({ services: v.services, category: v.categories[0] ?? null }),
                error: fieldError(error, d.item_type_id === 3 ? 'service_ids' : 'category_id'),
              }
            : undefined
        }
      >
        <label>
          Pays for
          <select
            value={d.item_type_id}
            onChange={(e) => set({ item_type_id: Number(e.target.value) })}
          >
            {ITEMS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </AppliesTo>
      <GiftCardExpiry
        value={d.expiry}
        onChange={(expiry) => set({ expiry })}
        timeZone={tz}
        error={(f) => fieldError(error, f)}
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
          {t ? 'Save changes' : 'Create type'}
        </button>
      </div>
    </form>
  );
}
