import { useState, type FormEvent } from 'react';
import { ApiError, v1 } from '../../api';
import { Problem, useLoad, useAction } from '../../components/status';
import { useMoney, useSession } from '../../session';
import type { Appointment, VisitPayment, VisitRefund } from '../../types';
import { loadInstruments, membershipLabel } from '../clients/instruments';

/**
 * Redeeming at the desk: pay this visit with one of the client's memberships, part of a gift
 * card, and/or a loyalty card (its discount and cashback), once per appointment
 * (`POST /company/{id}/records/{record_id}/loyalty_payment`); the answer says what paid what.
 */
export function LoyaltyPayment(props: { appointment: Appointment; onBack: () => void }) {
  const a = props.appointment;
  const { location } = useSession();
  const money = useMoney();
  const phone = a.client?.phone ?? '';
  const data = useLoad(() => loadInstruments(location, phone), [location.id, phone]);
  const { busy, error, perform } = useAction();
  const [membership, setMembership] = useState(0);
  const [giftCard, setGiftCard] = useState(0);
  const [amount, setAmount] = useState<number | ''>('');
  const [card, setCard] = useState(0);
  const [bonus, setBonus] = useState<number | ''>('');
  const [refunded, setRefunded] = useState<VisitRefund | null>(null);
  const [paid, setPaid] = useState<VisitPayment | null>(null);
  const total = a.services.reduce((sum, s) => sum + s.cost, 0);

  async function pay(event: FormEvent) {
    event.preventDefault();
    await perform(async () => {
      const res = await v1.post<VisitPayment>(
        `/company/${location.id}/records/${a.id}/loyalty_payment`,
        {
          ...(membership ? { abonement_id: membership } : {}),
          ...(giftCard ? { certificate_id: giftCard } : {}),
          ...(giftCard && amount !== '' ? { certificate_amount: amount } : {}),
          ...(card ? { loyalty_card_id: card } : {}),
          ...(card && bonus !== '' && bonus > 0 ? { loyalty_card_withdrawal: bonus } : {}),
        },
      );
      setPaid(res.data);
      setRefunded(null);
    });
  }

  async function refund() {
    await perform(async () => {
      const res = await v1.del<VisitRefund>(
        `/company/${location.id}/records/${a.id}/loyalty_payment`,
      );
      setRefunded(res.data);
      setPaid(null);
      data.reload();
    });
  }

  const undoButton = (
    <button type="button" className="danger-outline" disabled={busy} onClick={() => void refund()}>
      Undo the payment
    </button>
  );

  if (paid)
    return (
      <section className="stack" aria-labelledby="paid-h">
        <h3 id="paid-h">Visit paid</h3>
        <div role="status">
          <dl className="facts paid">
            <dt>Total</dt>
            <dd>{money(paid.total)}</dd>
            {paid.abonement_covered ? (
              <>
                <dt>Membership</dt>
                <dd>
                  {money(paid.abonement_covered)}
                  {paid.abonement ? ` (${membershipLabel(paid.abonement)})` : ''}
                </dd>
              </>
            ) : null}
            {paid.discount ? (
              <>
                <dt>Card discount</dt>
                <dd>{money(paid.discount)}</dd>
              </>
            ) : null}
            {paid.certificate_amount ? (
              <>
                <dt>Gift card</dt>
                <dd>
                  {money(paid.certificate_amount)}
                  {paid.certificate ? ` (${money(paid.certificate.balance)} left)` : ''}
                </dd>
              </>
            ) : null}
            {paid.loyalty_card_withdrawal ? (
              <>
                <dt>Bonus spent</dt>
                <dd>{money(paid.loyalty_card_withdrawal)}</dd>
              </>
            ) : null}
            <dt>Left to pay</dt>
            <dd>{money(paid.due)}</dd>
            {paid.cashback ? (
              <>
                <dt>Cashback</dt>
                <dd>{money(paid.cashback)}</dd>
              </>
            ) : null}
          </dl>
        </div>
        {error ? <Problem error={error} right="records:write" /> : null}
        <div className="actions">
          {undoButton}
          <button type="button" onClick={props.onBack}>
            Done
          </button>
        </div>
      </section>
    );

  const d = data.data;
  return (
    <form className="stack" aria-label="Pay with loyalty" onSubmit={(e) => void pay(e)}>
      <h3>Pay {money(total)} with loyalty</h3>
      {refunded ? (
        <p className="notice success" role="status">
          Payment undone:{' '}
          {[
            refunded.abonement_id ? 'the membership visit is back' : '',
            refunded.certificate_amount
              ? `${money(refunded.certificate_amount)} back on the gift card`
              : '',
            refunded.loyalty_card_withdrawal
              ? `${money(refunded.loyalty_card_withdrawal)} bonus back`
              : '',
            refunded.cashback ? `${money(refunded.cashback)} cashback taken back` : '',
          ]
            .filter(Boolean)
            .join(', ') || 'nothing was drawn'}
          .
        </p>
      ) : null}
      {data.error ? <Problem error={data.error} right="clients:read" /> : null}
      {d ? (
        <>
          <label>
            Membership
            <select value={membership} onChange={(e) => setMembership(Number(e.target.value))}>
              <option value={0}>None</option>
              {d.memberships.map((m) => (
                <option key={m.id} value={m.id} disabled={m.is_frozen}>
                  {membershipLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label>
              Gift card
              <select value={giftCard} onChange={(e) => setGiftCard(Number(e.target.value))}>
                <option value={0}>None</option>
                {d.giftCards.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.type.title} №{g.number} · {money(g.balance)} left
                  </option>
                ))}
              </select>
            </label>
            <label>
              Amount from the gift card
              <input
                type="number"
                min={0.01}
                step="0.01"
                disabled={!giftCard}
                placeholder="as much as needed"
                value={amount}
                onChange={(e) => setAmount(e.target.value === '' ? '' : Number(e.target.value))}
              />
            </label>
          </div>
          <div className="row">
            <label>
              Loyalty card
              <select value={card} onChange={(e) => setCard(Number(e.target.value))}>
                <option value={0}>None</option>
                {d.cards.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.type.title} №{c.number} · bonus {money(c.balance)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Bonus to spend
              <input
                type="number"
                min={0.01}
                step="0.01"
                disabled={!card}
                placeholder="none"
                value={bonus}
                onChange={(e) => setBonus(e.target.value === '' ? '' : Number(e.target.value))}
              />
            </label>
          </div>
        </>
      ) : null}
      {error ? <Problem error={error} right="records:write" /> : null}
      <div className="actions">
        {error instanceof ApiError && error.status === 409 ? undoButton : null}
        <button type="button" className="secondary" onClick={props.onBack}>
          Back
        </button>
        <button type="submit" disabled={busy || (!membership && !giftCard && !card)}>
          Pay the visit
        </button>
      </div>
    </form>
  );
}
