import { useApp } from '../context';
import { formatDate, formatMoney } from '../format';
import { optional } from '../optional-api';
import type { LoyaltyInstrument } from '../types';
import { Empty, Load, Screen } from '../ui';
import { useLoad } from '../use-load';

/**
 * Memberships and gift cards (the loyalty API is built in parallel, against the agreed paths):
 * image, place, what is left, validity, ❄️ frozen, 🔥 about to expire. Not covered by tests yet.
 */
export function InstrumentCard(props: {
  item: LoyaltyInstrument;
  kind: 'membership' | 'gift-card';
}) {
  const { t, prefs } = useApp();
  const m = props.item;
  return (
    <article className="card instrument">
      {m.image_url ? <img className="instrument-image" src={m.image_url} alt="" /> : null}
      <h3 className="card-title">
        {m.title ?? ''} {m.frozen ? <span title={t('cards.frozen')}>❄️</span> : null}
        {m.expiring_soon ? <span title={t('cards.expiring')}>🔥</span> : null}
      </h3>
      {m.location ? <p className="muted">{m.location.title}</p> : null}
      {props.kind === 'membership' && m.visits_total != null ? (
        <p>{t('cards.visits_left', { left: m.visits_left ?? 0, total: m.visits_total })}</p>
      ) : null}
      {props.kind === 'gift-card' && m.balance != null ? (
        <p>
          {t('cards.balance', { amount: formatMoney(m.balance, m.currency ?? '', prefs.locale) })}
        </p>
      ) : null}
      {m.expires_at ? (
        <p className="muted small">
          {t('cards.valid_until', { date: formatDate(m.expires_at, prefs.dateFormat) })}
        </p>
      ) : null}
      {m.number ? <p className="muted small">№ {m.number}</p> : null}
    </article>
  );
}

export function InstrumentsScreen(props: { kind: 'membership' | 'gift-card' }) {
  const { t } = useApp();
  const path = props.kind === 'membership' ? '/memberships' : '/gift-cards';
  const list = useLoad(() => optional<LoyaltyInstrument[]>(path), path);
  return (
    <Screen
      title={
        props.kind === 'membership' ? t('cards.memberships_title') : t('cards.gift_cards_title')
      }
      back="/"
    >
      <Load state={list}>
        {(items) =>
          !items || items.length === 0 ? (
            <Empty>{t('home.no_cards')}</Empty>
          ) : (
            <ul className="stack">
              {items.map((m) => (
                <li key={m.id}>
                  <InstrumentCard item={m} kind={props.kind} />
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </Screen>
  );
}
