import { useState, type ReactNode } from 'react';
import { booking } from '../api';
import { copy } from '../clipboard';
import { useApp } from '../context';
import { formatDate, formatMoney } from '../format';
import { Link, navigate } from '../router';
import type {
  BookableCategory,
  BookableService,
  GiftCard,
  LoyaltyCard,
  Membership,
} from '../types';
import { initials } from '../ui';
import { useLoad } from '../use-load';

/**
 * The client's cards: memberships, gift cards and loyalty cards, as the home carousels
 * (`compact`) and the "All" lists show them. The picture is the card type's image.
 */
type Issuer = Membership['issuer'];

function CardImage(props: { image: Membership['image'] }) {
  return props.image ? <img className="instrument-image" src={props.image.card} alt="" /> : null;
}

/** The business that issued it: its main location's logo and its name. */
function IssuerLine(props: { issuer: Issuer }) {
  return (
    <p className="issuer muted">
      <span className="avatar small" aria-hidden="true">
        {props.issuer.logo ? <img src={props.issuer.logo} alt="" /> : initials(props.issuer.title)}
      </span>
      {props.issuer.title}
    </p>
  );
}

/** ❄️ frozen, 🔥 about to expire, announced by name. */
function Marks(props: { frozen?: boolean; expiring: boolean; expired: boolean }) {
  const { t } = useApp();
  return (
    <>
      {props.frozen ? (
        <span className="mark" role="img" aria-label={t('cards.frozen')} title={t('cards.frozen')}>
          ❄️
        </span>
      ) : null}
      {props.expiring && !props.expired ? (
        <span
          className="mark"
          role="img"
          aria-label={t('cards.expiring')}
          title={t('cards.expiring')}
        >
          🔥
        </span>
      ) : null}
      {props.expired ? <span className="badge">{t('cards.expired')}</span> : null}
    </>
  );
}

/** The card number: tapping it copies it, and says so. */
export function CardNumber(props: { number: string }) {
  const { t, toast } = useApp();
  return (
    <button
      type="button"
      className="link-button card-number"
      onClick={() =>
        void copy(props.number).then(() => toast(t('cards.copied', { number: props.number })))
      }
    >
      № {props.number}
      <span className="visually-hidden">, {t('cards.copy_number')}</span>
    </button>
  );
}

function Facts(props: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {props.rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Names of the covered services (and categories), read from the location's booking catalog. */
function ServiceNames(props: {
  locationId?: number;
  serviceIds: number[];
  categoryIds?: number[];
}) {
  const { t } = useApp();
  const ids = props.serviceIds;
  const categories = props.categoryIds ?? [];
  const wanted = ids.length > 0 || categories.length > 0;
  const catalog = useLoad(
    () =>
      wanted && props.locationId
        ? booking<{ services: BookableService[]; category: BookableCategory[] }>(
            'GET',
            `/book_services/${props.locationId}`,
          )
        : Promise.resolve(null),
    `${props.locationId}:${ids.join(',')}:${categories.join(',')}`,
  );
  if (!wanted) return <>{t('cards.services_all')}</>;
  const names = [
    ...(catalog.data?.category ?? []).filter((c) => categories.includes(c.id)).map((c) => c.title),
    ...(catalog.data?.services ?? []).filter((s) => ids.includes(s.id)).map((s) => s.title),
  ];
  return <>{names.length > 0 ? names.join(', ') : '…'}</>;
}

/** "Book" opens the booking at a location where the membership is valid; a choice when several. */
function BookWith(props: { locations: { id: number; title: string }[]; id: number }) {
  const { t } = useApp();
  const [choosing, setChoosing] = useState(false);
  const only = props.locations.length === 1 ? props.locations[0] : undefined;
  if (props.locations.length === 0) return null;
  return (
    <div className="card-actions">
      <button
        type="button"
        className="button small primary"
        aria-expanded={only ? undefined : choosing}
        aria-controls={only ? undefined : `where-${props.id}`}
        onClick={() => (only ? navigate(`/book/${only.id}`) : setChoosing((open) => !open))}
      >
        {t('cards.book')}
      </button>
      {!only && choosing ? (
        <ul className="choice" id={`where-${props.id}`} aria-label={t('cards.book_where')}>
          {props.locations.map((l) => (
            <li key={l.id}>
              <Link to={`/book/${l.id}`} className="button small secondary">
                {l.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function MembershipCard(props: { item: Membership; compact?: boolean }) {
  const { t, prefs } = useApp();
  const m = props.item;
  const date = (iso: string) => formatDate(iso, prefs.dateFormat);
  const visits =
    m.visits_total === null
      ? t('cards.visits_unlimited')
      : t('cards.visits_left', { left: m.visits_remaining ?? 0, total: m.visits_total });
  return (
    <article className="card instrument" aria-label={m.title} id={`card-${m.id}`} tabIndex={-1}>
      <CardImage image={m.image} />
      <h3 className="card-title">
        <TitleLink compact={props.compact} to={`/memberships?card=${m.id}`}>
          {m.title}
        </TitleLink>{' '}
        <Marks frozen={m.frozen} expiring={m.expiring_soon} expired={m.expired} />
      </h3>
      <IssuerLine issuer={m.issuer} />
      <p className="visits">{visits}</p>
      <p className="muted small">
        {m.frozen && m.frozen_until
          ? t('cards.frozen_until', { date: date(m.frozen_until) })
          : t('cards.valid_range', { from: date(m.valid_from), until: date(m.valid_until) })}
      </p>
      {props.compact ? null : (
        <Facts
          rows={[
            [
              t('cards.freeze'),
              m.freeze_allowed
                ? t('cards.freeze_days', { n: m.freeze_days_left })
                : t('cards.freeze_no'),
            ],
            [
              t('cards.services'),
              <ServiceNames
                locationId={m.locations[0]?.id}
                serviceIds={m.service_ids}
                categoryIds={m.category_ids}
              />,
            ],
            [t('cards.where'), m.locations.map((l) => l.title).join(', ')],
          ]}
        />
      )}
      <CardNumber number={m.number} />
      {m.expired ? null : <BookWith locations={m.locations} id={m.id} />}
    </article>
  );
}

export function GiftCardCard(props: { item: GiftCard; compact?: boolean }) {
  const { t, prefs } = useApp();
  const g = props.item;
  const money = (n: number) => formatMoney(n, g.currency, prefs.locale);
  const covers = t(`cards.covers_${g.item_type_id}` as 'cards.covers_0');
  return (
    <article className="card instrument" aria-label={g.title} id={`card-${g.id}`} tabIndex={-1}>
      <CardImage image={g.image} />
      <h3 className="card-title">
        <TitleLink compact={props.compact} to={`/gift-cards?card=${g.id}`}>
          {g.title}
        </TitleLink>{' '}
        <Marks expiring={g.expiring_soon} expired={g.expired} />
      </h3>
      <IssuerLine issuer={g.issuer} />
      <p className="balance">
        {g.used ? t('cards.used') : t('cards.balance', { amount: money(g.balance) })}
      </p>
      <p className="muted small">
        {g.valid_until
          ? t('cards.valid_until', { date: formatDate(g.valid_until, prefs.dateFormat) })
          : t('cards.no_expiry')}
      </p>
      {props.compact ? null : (
        <Facts
          rows={[
            [t('cards.face_value'), money(g.face_value)],
            [
              t('cards.covers'),
              g.item_type_id === 3 ? (
                <>
                  {covers}:{' '}
                  <ServiceNames locationId={g.locations[0]?.id} serviceIds={g.service_ids} />
                </>
              ) : (
                covers
              ),
            ],
            [t('cards.use'), g.multiple_use ? t('cards.multi_use') : t('cards.single_use')],
            [t('cards.where'), g.locations.map((l) => l.title).join(', ')],
          ]}
        />
      )}
      <CardNumber number={g.number} />
    </article>
  );
}

export function LoyaltyCardCard(props: { item: LoyaltyCard }) {
  const { t, prefs } = useApp();
  const c = props.item;
  const number = (n: number) =>
    new Intl.NumberFormat(prefs.locale, { maximumFractionDigits: 2 }).format(n);
  return (
    <article className="card instrument loyalty" aria-label={c.title}>
      <h3 className="card-title">{c.title}</h3>
      <IssuerLine issuer={c.issuer} />
      <CardNumber number={c.number} />
      <Facts
        rows={[
          [t('cards.discount'), `${number(c.discount_percent)}%`],
          [t('cards.bonus'), number(c.bonus_balance)],
          [t('cards.visits_count'), String(c.visits_count)],
        ]}
      />
      {c.promotions.length > 0 ? (
        <>
          <h4 className="small-head">{t('cards.promotions')}</h4>
          <ul className="promotions">
            {c.promotions.map((p) => (
              <li key={p.id}>
                {p.title}: {number(p.value)}
                {p.value_unit === 'percent' ? '%' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/** On home (compact), a card's title opens it with all its details in the full list. */
function TitleLink(props: { compact: boolean | undefined; to: string; children: ReactNode }) {
  return props.compact ? (
    <Link to={props.to} className="card-link">
      {props.children}
    </Link>
  ) : (
    <>{props.children}</>
  );
}
