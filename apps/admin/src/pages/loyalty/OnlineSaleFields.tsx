export interface OnlineSale {
  enabled: boolean;
  title: string;
  description: string;
  price: number;
}

/** The online sale switch of a type: sold in the app and on the booking page when on. */
export function OnlineSaleFields(props: {
  value: OnlineSale;
  onChange: (next: OnlineSale) => void;
  error: (field: string) => string | undefined;
}) {
  const v = props.value;
  const set = (patch: Partial<OnlineSale>) => props.onChange({ ...v, ...patch });
  return (
    <fieldset className="online-sale">
      <legend>Online sale</legend>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={v.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        Sell online (in the app and on the booking page)
      </label>
      {v.enabled ? (
        <div className="row">
          <label className="grow">
            Online title
            <input
              value={v.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
              aria-invalid={props.error('online_sale_title') ? true : undefined}
            />
          </label>
          <label>
            Online price
            <input
              type="number"
              min={0}
              step="0.01"
              value={v.price}
              onChange={(e) => set({ price: Number(e.target.value) })}
              aria-invalid={props.error('online_sale_price') ? true : undefined}
            />
          </label>
          <label className="full">
            Online description
            <textarea
              rows={2}
              maxLength={2000}
              value={v.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
