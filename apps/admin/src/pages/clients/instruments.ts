import { query, v1 } from '../../api';
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
