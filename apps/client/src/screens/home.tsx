import { app } from '../api';
import { useApp } from '../context';
import { optional } from '../optional-api';
import { Link } from '../router';
import type { Appointment, GiftCard, Membership, Place, UnreadCount } from '../types';
import { Carousel, Empty, Icon, Load, Screen, Section, initials } from '../ui';
import { useLoad } from '../use-load';
import { PhotoImage } from './account';
import { AppointmentCard } from './appointment-card';
import { GiftCardCard, MembershipCard } from './wallet-cards';
import { PlaceCard } from './places';
import { PromoBlock } from './promo';

/** The bell with the unread count; hidden count while the notifications API is absent. */
export function Bell() {
  const { t } = useApp();
  const unread = useLoad(
    () => optional<UnreadCount>('/notifications/unread-count').catch(() => null),
    'bell',
  );
  const n = unread.data?.total ?? 0;
  return (
    <Link
      to="/notifications"
      className="icon-button bell"
      aria-label={n > 0 ? t('home.notifications_unread', { n }) : t('home.notifications')}
    >
      <Icon name="bell" />
      {n > 0 ? (
        <span className="count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      ) : null}
    </Link>
  );
}

/** Home: name (→ account) and bell on top; carousels of appointments, places and cards. */
export function HomeScreen() {
  const { t, profile } = useApp();
  const upcoming = useLoad(
    () => app<Appointment[]>('GET', '/appointments?status=upcoming&count=10'),
    'up',
  );
  const past = useLoad(
    () => app<Appointment[]>('GET', '/appointments?status=past&count=5'),
    'past',
  );
  const places = useLoad(() => app<Place[]>('GET', '/places'), 'places');
  const memberships = useLoad(() => app<Membership[]>('GET', '/memberships'), 'mem');
  const giftCards = useLoad(() => app<GiftCard[]>('GET', '/gift-cards'), 'gift');
  const name = profile?.name ?? '';
  const replacePlace = (changed: Place) =>
    places.set((places.data ?? []).map((p) => (p.id === changed.id ? changed : p)));

  const greeting = (
    // The accessible name starts with the visible name (WCAG 2.5.3), then says where it goes.
    <Link to="/account" className="me">
      <span className="avatar" aria-hidden="true">
        {profile?.photo_url ? <PhotoImage url={profile.photo_url} version={0} /> : initials(name)}
      </span>
      <span className="me-name">{name || t('nav.account')}</span>
      <span className="visually-hidden">, {t('home.open_account')}</span>
    </Link>
  );
  return (
    <Screen
      title={name ? t('home.hello', { name }) : t('home.hello_anonymous')}
      hideTitle
      actions={<Bell />}
    >
      <div className="home-top">{greeting}</div>
      {(places.data ?? [])
        .filter((p) => p.promo)
        .map((p) => (
          <PromoBlock key={p.id} promo={p.promo} from={p.title} />
        ))}
      <Section title={t('appointments.title')} all="/appointments" id="home-appointments">
        <Load state={upcoming}>
          {(soon) => {
            const recent = past.data ?? [];
            const items = [...soon, ...recent];
            return items.length === 0 ? (
              past.loading ? null : (
                <Empty>{t('home.no_appointments')}</Empty>
              )
            ) : (
              <Carousel label={t('appointments.title')}>
                {items.map((a) => (
                  <li key={a.id}>
                    <AppointmentCard
                      appointment={a}
                      onChanged={() => {
                        upcoming.reload();
                        past.reload();
                      }}
                    />
                  </li>
                ))}
              </Carousel>
            );
          }}
        </Load>
      </Section>
      <Section title={t('places.title')} all="/places" id="home-places">
        <Load state={places}>
          {(items) =>
            items.length === 0 ? (
              <Empty>{t('home.no_places')}</Empty>
            ) : (
              <Carousel label={t('places.title')}>
                {items.map((p) => (
                  <li key={p.id}>
                    <PlaceCard place={p} onChanged={replacePlace} />
                  </li>
                ))}
              </Carousel>
            )
          }
        </Load>
      </Section>
      {memberships.data ? (
        <Section title={t('home.memberships')} all="/memberships" id="home-memberships">
          {memberships.data.length === 0 ? (
            <Empty>{t('home.no_cards')}</Empty>
          ) : (
            <Carousel label={t('home.memberships')}>
              {memberships.data.map((m) => (
                <li key={m.id}>
                  <MembershipCard item={m} compact />
                </li>
              ))}
            </Carousel>
          )}
        </Section>
      ) : null}
      {giftCards.data ? (
        <Section title={t('home.gift_cards')} all="/gift-cards" id="home-gift-cards">
          {giftCards.data.length === 0 ? (
            <Empty>{t('home.no_cards')}</Empty>
          ) : (
            <Carousel label={t('home.gift_cards')}>
              {giftCards.data.map((g) => (
                <li key={g.id}>
                  <GiftCardCard item={g} compact />
                </li>
              ))}
            </Carousel>
          )}
        </Section>
      ) : null}
    </Screen>
  );
}
