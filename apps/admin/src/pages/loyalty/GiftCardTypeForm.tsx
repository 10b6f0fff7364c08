import { fieldError, Problem } from '../../components/status';
import type { GiftCardType } from '../../types';
import { OnlineSaleFields } from './OnlineSaleFields';
import { UNITS } from './units';
import { useTypeForm } from './use-type-form';

const ITEMS = [
  [0, 'Any services and goods'],
  [1, 'Services only'],
] as const;

/** Create or change a gift card (certificate) type, the seed's body. */
export function GiftCardTypeForm(props: {
  chainId: number;
  type: GiftCardType | null;
  onSaved: (type: GiftCardType) => void;
}) {
  const t = props.type;
  const initial = () => ({
    title: t?.title ?? '',
    balance: t?.balance ?? 50,
    is_multi: t?.is_multi ?? true,
    item_type_id: t?.item_type_id ?? 0,
    expires: (t?.expiration_type_id ?? 2) === 2,
    timeout: t?.expiration_timeout ?? 12,
    timeout_unit_id: t?.expiration_timeout_unit_id ?? 3,
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
    is_allow_empty_code: false,
    balance_edit_type_id: 1,
    service_ids: [],
    salon_ids: [],
    expiration: d.expires
      ? { type_id: 2, timeout: d.timeout, timeout_unit_id: d.timeout_unit_id }
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
            aria-invalid={err('balance') ? true : undefined}
          />
        </label>
      </div>
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
      </div>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={d.expires}
            onChange={(e) => set({ expires: e.target.checked })}
          />
          Expires after the sale
        </label>
        {d.expires ? (
          <>
            <label>
              Valid for
              <input
                type="number"
                min={1}
                max={1000}
                value={d.timeout}
                onChange={(e) => set({ timeout: Number(e.target.value) })}
              />
            </label>
            <label>
              Unit
              <select
                value={d.timeout_unit_id}
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
