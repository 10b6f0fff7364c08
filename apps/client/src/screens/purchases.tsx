import { useEffect, useState } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { formatDate, formatMoney, formatPeriod } from '../format';
import { Link } from '../router';
import type { Offer, Purchase } from '../types';
import { Empty, Load, Screen } from '../ui';
import { useLoad } from '../use-load';

/**
 * Buying memberships and gift cards online: the place page's Purchases block starts a purchase
 * and goes to the acquirer's hosted checkout; the acquirer sends the payer back to
 * `/app/purchases`, which shows how the purchase the app started ended.
 */
const PURCHASE_KEY = 'visita.purchase';

export function OffersBlock(props: { locationId: number }) {
  const { t, prefs, toast } = useApp();
  const validityOf = ({ valid_for: v }: Offer) =>
    v.until
      ? t('cards.valid_until', { date: formatDate(v.until, prefs.dateFormat) })
      : v.period
        ? t('offers.validity', {
            validity: formatPeriod(v.period.amount, v.period.unit, prefs.locale),
          })
        : t('cards.no_expiry');
  const offers = useLoad(
    () => app<Offer[]>('GET', `/places/${props.locationId}/offers`),
    `offers:${props.locationId}`,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const buy = async (o: Offer) => {
    setBusy(`${o.kind}:${o.type_id}`);
    try {
      const started = await app<Purchase>('POST', '/purchases', {
        kind: o.kind,
        type_id: o.type_id,
        location_id: props.locationId,
      });
      localStorage.setItem(
        PURCHASE_KEY,
        JSON.stringify({ id: started.payment_id, kind: o.kind, location: props.locationId }),
      );
      toast(t('purchase.opening'));
      location.assign(started.checkout_url);
    } catch (e) {
      toast(errorText(e, t));
      setBusy(null);
    }
  };
  if (offers.data && offers.data.length === 0) return null;
  return (
    <section aria-labelledby="offers-head">
      <h2 id="offers-head" className="subhead">
        {t('offers.title')}
      </h2>
      <Load state={offers}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('offers.none')}</Empty>
          ) : (
            <ul className="stack">
              {items.map((o) => {
                const price = formatMoney(o.price, o.currency, prefs.locale);
                return (
                  <li key={`${o.kind}:${o.type_id}`}>
                    <article className="card offer" aria-label={o.title}>
                      {o.image ? (
                        <img className="instrument-image" src={o.image.card} alt="" />
                      ) : null}
                      <p className="muted small">
                        {o.kind === 'membership' ? t('offers.membership') : t('offers.gift_card')}
                      </p>
                      <h3 className="card-title" id={`offer-${o.kind}-${o.type_id}`}>
                        {o.title}
                      </h3>
                      {o.description ? <p>{o.description}</p> : null}
                      <p className="muted small">
                        {o.kind === 'membership'
                          ? o.visits === null
                            ? t('cards.visits_unlimited')
                            : t('offers.visits', { n: o.visits })
                          : `${t('cards.face_value')}: ${formatMoney(o.face_value ?? 0, o.currency, prefs.locale)}`}
                        {' · '}
                        {validityOf(o)}
                      </p>
                      <div className="card-actions">
                        <button
                          type="button"
                          className="button small primary"
                          aria-describedby={`offer-${o.kind}-${o.type_id}`}
                          disabled={busy !== null}
                          onClick={() => void buy(o)}
                        >
                          {t('offers.buy', { price })}
                        </button>
                      </div>
                    </article>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Load>
    </section>
  );
}

function startedPurchase(): { id: number; kind: Offer['kind']; location: number } | null {
  try {
    const kept = JSON.parse(localStorage.getItem(PURCHASE_KEY) ?? 'null') as {
      id: number;
      kind: Offer['kind'];
      location: number;
    } | null;
    return kept && Number.isInteger(kept.id) ? kept : null;
  } catch {
    return null;
  }
}

/** Back from the checkout: pending (checked again every second), succeeded or declined. */
export function PurchaseScreen() {
  const { t } = useApp();
  const started = startedPurchase();
  const [round, setRound] = useState(0);
  const purchase = useLoad(
    () => (started ? app<Purchase>('GET', `/purchases/${started.id}`) : Promise.resolve(null)),
    `${started?.id ?? 0}:${round}`,
  );
  const status = purchase.data?.status;
  useEffect(() => {
    if (status !== 'pending') return;
    const timer = setTimeout(() => setRound((r) => r + 1), 1000);
    return () => clearTimeout(timer);
  }, [status, round]);
  return (
    <Screen title={t('purchase.title')} back="/">
      <Load state={purchase}>
        {(p) =>
          !p || !started ? (
            <Empty>{t('purchase.none')}</Empty>
          ) : p.status === 'succeeded' ? (
            <div className="done" role="status">
              <div className="done-icon" aria-hidden="true">
                ✓
              </div>
              <h2>{t('purchase.succeeded')}</h2>
              <p>
                {t(
                  started.kind === 'membership'
                    ? 'purchase.succeeded_membership'
                    : 'purchase.succeeded_certificate',
                  { title: p.title },
                )}
              </p>
              <Link
                className="button primary"
                to={started.kind === 'membership' ? '/memberships' : '/gift-cards'}
              >
                {started.kind === 'membership'
                  ? t('purchase.to_memberships')
                  : t('purchase.to_gift_cards')}
              </Link>
            </div>
          ) : p.status === 'declined' ? (
            <div className="done" role="alert">
              <div className="done-icon bad" aria-hidden="true">
                ✕
              </div>
              <h2>{t('purchase.declined')}</h2>
              <p>{t('purchase.declined_text')}</p>
              <Link className="button secondary" to={`/places/${started.location}`}>
                {t('app.retry')}
              </Link>
            </div>
          ) : (
            <p className="muted" role="status">
              {t('purchase.pending')}
            </p>
          )
        }
      </Load>
    </Screen>
  );
}
