import { useEffect } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { navigate } from '../router';
import type { GiftCard, LoyaltyCard, Membership } from '../types';
import { Empty, Load, Screen } from '../ui';
import { useLoad } from '../use-load';
import { GiftCardCard, LoyaltyCardCard, MembershipCard } from './wallet-cards';

/** The "All" view of the client's cards: memberships, gift cards and loyalty cards in tabs. */
export const CARD_KINDS = ['memberships', 'gift-cards', 'loyalty-cards'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

const TITLES: Record<CardKind, MessageKey> = {
  memberships: 'cards.memberships_title',
  'gift-cards': 'cards.gift_cards_title',
  'loyalty-cards': 'cards.loyalty_cards_title',
};
const EMPTY: Record<CardKind, MessageKey> = {
  memberships: 'cards.none_memberships',
  'gift-cards': 'cards.none_gift_cards',
  'loyalty-cards': 'cards.none_loyalty_cards',
};

export function CardsScreen(props: { kind: CardKind }) {
  const { t } = useApp();
  const { kind } = props;
  return (
    <Screen title={t(TITLES[kind])} back="/">
      <nav className="tabs" aria-label={t('cards.kinds')}>
        {CARD_KINDS.map((name) => (
          <a
            key={name}
            href={`/app/${name}`}
            aria-current={name === kind ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/${name}`, { replace: true });
            }}
          >
            {t(TITLES[name])}
          </a>
        ))}
      </nav>
      <CardList key={kind} kind={kind} />
    </Screen>
  );
}

function CardList(props: { kind: CardKind }) {
  const { t } = useApp();
  const list = useLoad(
    () => app<(Membership | GiftCard | LoyaltyCard)[]>('GET', `/${props.kind}`),
    props.kind,
  );
  // Opened from a card on home (`?card=<id>`): that card, with all its details, gets the focus.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('card');
    const card = id && list.data ? document.getElementById(`card-${id}`) : null;
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [list.data]);
  return (
    <Load state={list}>
      {(items) =>
        items.length === 0 ? (
          <Empty>{t(EMPTY[props.kind])}</Empty>
        ) : (
          <ul className="stack" aria-label={t(TITLES[props.kind])}>
            {items.map((item) => (
              <li key={item.id}>
                {props.kind === 'memberships' ? (
                  <MembershipCard item={item as Membership} />
                ) : props.kind === 'gift-cards' ? (
                  <GiftCardCard item={item as GiftCard} />
                ) : (
                  <LoyaltyCardCard item={item as LoyaltyCard} />
                )}
              </li>
            ))}
          </ul>
        )
      }
    </Load>
  );
}
