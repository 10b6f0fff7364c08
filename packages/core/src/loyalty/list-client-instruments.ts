import { cardAt } from './card-rules';
import type { Clock } from '../ports';
import { isFrozen, membershipValidAt } from './membership-rules';
import { isExpiringSoon } from './periods';
import { programApplies } from './program-rules';
import type { ChainLocation, InstrumentFilter, LoyaltyUow } from './ports';
import type {
  Certificate,
  CertificateType,
  LoyaltyCard,
  LoyaltyCardType,
  LoyaltyProgram,
  Membership,
  MembershipType,
} from './types';

type Deps = { uow: LoyaltyUow; clock: Clock };

/** Who issued it: the chain, and its main location (the first one) whose logo the cards show. */
export interface Issuer {
  chainId: number;
  chainTitle: string;
  mainLocation: ChainLocation | null;
}

export interface MembershipView {
  membership: Membership;
  type: MembershipType;
  issuer: Issuer;
  /** Where it can be used for booking. */
  locations: ChainLocation[];
  frozen: boolean;
  expiringSoon: boolean;
  expired: boolean;
}

export interface CertificateView {
  certificate: Certificate;
  type: CertificateType;
  issuer: Issuer;
  locations: ChainLocation[];
  expiringSoon: boolean;
  expired: boolean;
}

export interface CardView {
  card: LoyaltyCard;
  type: LoyaltyCardType;
  issuer: Issuer;
  /** Where the card counts: its type's locations, every location of the chain when none. */
  locations: ChainLocation[];
  programs: LoyaltyProgram[];
}

export interface ClientInstruments {
  memberships: MembershipView[];
  certificates: CertificateView[];
  cards: CardView[];
}

/**
 * A client's memberships, gift cards and loyalty cards (all chains, or one chain or location),
 * with what the app shows: usable locations, ❄️ frozen and 🔥 about-to-expire flags, the issuer.
 */
export async function findClientInstruments(
  deps: Deps,
  filter: InstrumentFilter & { phone: string },
  want: { memberships?: boolean; certificates?: boolean; cards?: boolean } = {
    memberships: true,
    certificates: true,
    cards: true,
  },
): Promise<ClientInstruments> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (r) => {
    const chains = new Map<number, { issuer: Issuer; locations: ChainLocation[] }>();
    const chainOf = async (chainId: number) => {
      let c = chains.get(chainId);
      if (!c) {
        const locations = await r.chainScope.findChainLocations(chainId);
        c = {
          locations,
          issuer: {
            chainId,
            chainTitle: (await r.chainScope.findChainTitle(chainId)) ?? '',
            mainLocation: locations[0] ?? null,
          },
        };
        chains.set(chainId, c);
      }
      return c;
    };
    const usable = (all: ChainLocation[], ids: number[]) =>
      ids.length ? all.filter((l) => ids.includes(l.id)) : all;

    const memberships: MembershipView[] = [];
    if (want.memberships)
      for (const m of await r.memberships.listMemberships(filter)) {
        const type = (await r.loyaltyTypes.findMembershipType(m.chainId, m.typeId))!;
        if (filter.locationId && !membershipValidAt(type, filter.locationId)) continue;
        const c = await chainOf(m.chainId);
        memberships.push({
          membership: m,
          type,
          issuer: c.issuer,
          locations: usable(c.locations, type.locationIds),
          frozen: isFrozen(m, now),
          expiringSoon: isExpiringSoon(m.expiresAt, now),
          expired: now >= m.expiresAt,
        });
      }

    const certificates: CertificateView[] = [];
    if (want.certificates)
      for (const cert of await r.certificates.listCertificates(filter)) {
        const type = (await r.loyaltyTypes.findCertificateType(cert.chainId, cert.typeId))!;
        if (
          filter.locationId &&
          type.locationIds.length &&
          !type.locationIds.includes(filter.locationId)
        )
          continue;
        const c = await chainOf(cert.chainId);
        certificates.push({
          certificate: cert,
          type,
          issuer: c.issuer,
          locations: usable(c.locations, type.locationIds),
          expiringSoon: isExpiringSoon(cert.expiresAt, now),
          expired: cert.expiresAt !== null && now >= cert.expiresAt,
        });
      }

    const cards: CardView[] = [];
    if (want.cards)
      for (const stored of await r.loyaltyCards.listCards(filter)) {
        // An expired discount shows as none.
        const card = cardAt(stored, now);
        const type = (await r.loyaltyTypes.findCardType(card.chainId, card.typeId))!;
        const c = await chainOf(card.chainId);
        const programs = (await r.loyaltyPrograms.listPrograms(card.chainId)).filter(
          (p) => p.cardTypeIds.length === 0 || p.cardTypeIds.includes(card.typeId),
        );
        cards.push({
          card,
          type,
          issuer: c.issuer,
          locations: usable(c.locations, type.locationIds),
          programs: filter.locationId
            ? programs.filter((p) => programApplies(p, card, filter.locationId!))
            : programs,
        });
      }
    return { memberships, certificates, cards };
  });
}
