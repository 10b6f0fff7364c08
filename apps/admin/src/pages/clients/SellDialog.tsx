import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { Problem, useLoad, useAction } from '../../components/status';
import { useMoney, useSession } from '../../session';
import type { CardType, GiftCardType, MembershipType } from '../../types';

export type SellKind = 'membership' | 'giftcard' | 'card';
const TITLES: Record<SellKind, string> = {
  membership: 'Sell a membership',
  giftcard: 'Sell a gift card',
  card: 'Issue a loyalty card',
};

/** Selling at the desk: a membership or gift card of the chain's types, or a loyalty card. */
export function SellDialog(props: {
  kind: SellKind;
  phone: string;
  onClose: () => void;
  onSold: (message: string) => void;
}) {
  const { location } = useSession();
  const money = useMoney();
  const chain = `/chain/${location.chain_id}/loyalty`;
  const types = useLoad(async () => {
    if (props.kind === 'membership')
      return (await v1.get<MembershipType[]>(`${chain}/abonement_types`)).data.map((t) => ({
        id: t.id,
        label: `${t.title} · ${money(t.cost)}`,
      }));
    if (props.kind === 'giftcard')
      return (await v1.get<GiftCardType[]>(`${chain}/certificate_types`)).data.map((t) => ({
        id: t.id,
        label: `${t.title} · ${money(t.balance)}`,
      }));
    return (await v1.get<CardType[]>(`${chain}/card_types`)).data.map((t) => ({
      id: t.id,
      label: t.title,
    }));
  }, [chain, props.kind]);
  const { busy, error, perform } = useAction();
  const [typeId, setTypeId] = useState<number | null>(null);
  const [number, setNumber] = useState('');
  const chosen = typeId ?? types.data?.[0]?.id ?? null;

  async function sell(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    await perform(async () => {
      if (props.kind === 'card')
        await v1.post(`/loyalty/cards/${location.id}`, {
          loyalty_card_number: number.trim(),
          loyalty_card_type_id: chosen,
          phone: props.phone,
        });
      else
        await v1.post(
          `/company/${location.id}/loyalty/${props.kind === 'membership' ? 'abonements' : 'certificates'}`,
          { type_id: chosen, phone: props.phone },
        );
      const label = types.data?.find((t) => t.id === chosen)?.label.split(' · ')[0] ?? '';
      props.onSold(props.kind === 'card' ? `Loyalty card ${label} issued.` : `${label} sold.`);
    });
  }

  return (
    <Dialog title={TITLES[props.kind]} onClose={props.onClose}>
      {types.error ? <Problem error={types.error} right="catalog:read" /> : null}
      {types.data?.length === 0 ? (
        <p className="empty">No types yet: create one under Loyalty first.</p>
      ) : null}
      {types.data?.length ? (
        <form className="stack" onSubmit={(e) => void sell(e)}>
          <label>
            Type
            <select value={chosen ?? ''} onChange={(e) => setTypeId(Number(e.target.value))}>
              {types.data.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          {props.kind === 'card' ? (
            <label>
              Card number
              <input
                required
                maxLength={32}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
              />
            </label>
          ) : (
            <p className="muted">Paid at the desk; the client sees it in the app at once.</p>
          )}
          {error ? <Problem error={error} right="clients:write" /> : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" disabled={busy}>
              {props.kind === 'card' ? 'Issue card' : 'Sell'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
