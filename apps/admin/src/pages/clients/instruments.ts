import { admin, query, v1 } from '../../api';
import type { GiftCard, LoyaltyCard, Membership } from '../../types';

/** A client's memberships, gift cards and loyalty cards valid at the location (by phone). */
export async function loadInstruments(
  location: { id: number; chain_id: number },
  phone: string,
): Promise<{ memberships: Membership[]; giftCards: GiftCard[]; cards: LoyaltyCard[] }> {
  const q = query({ company_id: location.id, phone });
  const [memberships, giftCards, cards] = await Promise.all([
    v1.get<Membership[]>(`/loyalty/abonements${q}`),
    v1.get<GiftCard[]>(`/loyalty/certificates${q}`),
    v1.get<LoyaltyCard[]>(
      `/loyalty/cards/${encodeURIComponent(phone)}/${location.chain_id}/${location.id}`,
    ),
  ]);
  return { memberships: memberships.data, giftCards: giftCards.data, cards: cards.data };
}

export const membershipLabel = (m: Membership) =>
  `${m.type.title} №${m.number} · ${m.balance === null ? 'unlimited' : `${m.balance} visits left`}${m.is_frozen ? ' · frozen' : ''}`;

export interface ChainInstruments {
  locations: { id: number; title: string }[];
  memberships: Membership[];
  giftCards: GiftCard[];
  cards: (LoyaltyCard & { salon_ids: number[] })[];
}

/** Everything the client holds in the chain, wherever bought, with where each is valid. */
export async function loadChainInstruments(
  locationId: number,
  phone: string,
): Promise<ChainInstruments> {
  const res = await admin.get<{
    locations: ChainInstruments['locations'];
    memberships: Membership[];
    gift_cards: GiftCard[];
    loyalty_cards: ChainInstruments['cards'];
  }>(`/locations/${locationId}/client-instruments${query({ phone })}`);
  const d = res.data;
  return {
    locations: d.locations,
    memberships: d.memberships,
    giftCards: d.gift_cards,
    cards: d.loyalty_cards,
  };
}

/** "Valid here" or where else: the desk must see a card bought at the sister salon. */
export function validity(
  salonIds: number[],
  here: number,
  locations: { id: number; title: string }[],
): { here: boolean; text: string } {
  const isHere = salonIds.includes(here);
  const others = locations.filter((l) => l.id !== here && salonIds.includes(l.id));
  const names = others.map((l) => l.title).join(', ');
  if (isHere && others.length === locations.length - 1 && others.length > 0)
    return { here: true, text: 'Valid here and at every location of the chain' };
  if (isHere)
    return { here: true, text: others.length ? `Valid here and at ${names}` : 'Valid here' };
  return { here: false, text: `Not valid here · valid at ${names || 'no location'}` };
}
