import type { UnitOfWork } from '../catalog/ports';
import type { OutboxRepo } from '../booking/ports';
import type { CardAfterRefund } from './card-rules';
import type {
  CardDiscountState,
  Certificate,
  CertificateType,
  CertificateTypeInput,
  LoyaltyCard,
  LoyaltyCardType,
  LoyaltyProgram,
  LoyaltyProgramInput,
  Membership,
  MembershipType,
  MembershipTypeInput,
  PeriodUnit,
} from './types';

export type TypeKind = 'membership' | 'certificate';

export interface ChainLocation {
  id: number;
  chainId: number;
  title: string;
  timezone: string;
  currency: string;
  logo: string;
}

export interface ChainScope {
  /** The chain's live locations, with their zone and currency. */
  findChainLocations(chainId: number): Promise<ChainLocation[]>;
  /** Which of these service ids exist at a live location of the chain. */
  findChainServiceIds(chainId: number, ids: number[]): Promise<number[]>;
  findChainCategoryIds(chainId: number, ids: number[]): Promise<number[]>;
  /** The chain of a live location (null when unknown). */
  findLocationChain(locationId: number): Promise<ChainLocation | null>;
  /** Titles of the chain's services and service categories named by these ids. */
  describeItems(
    chainId: number,
    serviceIds: number[],
    categoryIds: number[],
  ): Promise<{ id: number; title: string; isCategory: boolean }[]>;
  /** A live client card's location, chain and phone. */
  findClientPhone(
    clientId: number,
  ): Promise<{ locationId: number; chainId: number; phone: string } | null>;
  /** The chain's title. */
  findChainTitle(chainId: number): Promise<string | null>;
  /** The client card of this phone at the location, created when missing; its id. */
  ensureClient(locationId: number, phone: string, name: string): Promise<number>;
}

export interface LoyaltyTypesRepo {
  listMembershipTypes(chainId: number): Promise<MembershipType[]>;
  findMembershipType(chainId: number, id: number): Promise<MembershipType | null>;
  insertMembershipType(chainId: number, input: MembershipTypeInput): Promise<MembershipType>;
  updateMembershipType(
    chainId: number,
    id: number,
    input: MembershipTypeInput,
  ): Promise<MembershipType | null>;
  /** False when it does not exist; 'issued' when memberships of it exist (kept). */
  deleteMembershipType(chainId: number, id: number): Promise<boolean | 'issued'>;

  listCertificateTypes(chainId: number): Promise<CertificateType[]>;
  findCertificateType(chainId: number, id: number): Promise<CertificateType | null>;
  insertCertificateType(chainId: number, input: CertificateTypeInput): Promise<CertificateType>;
  /** Changes only a type nothing was issued of: 'issued' otherwise (checked in the same statement). */
  updateCertificateType(
    chainId: number,
    id: number,
    input: CertificateTypeInput,
  ): Promise<CertificateType | null | 'issued'>;
  deleteCertificateType(chainId: number, id: number): Promise<boolean | 'issued'>;

  /**
   * Locks the type against change or deletion until the transaction ends (FOR SHARE) and reads
   * it afresh: an instrument is always issued with the type's committed values.
   */
  lockTypeForIssue(kind: TypeKind, chainId: number, id: number): Promise<boolean>;
  /** Points the type at a new image; returns the previous key (null: none; undefined: no such type). */
  setTypeImage(
    kind: TypeKind,
    chainId: number,
    id: number,
    key: string | null,
  ): Promise<string | null | undefined>;

  listCardTypes(chainId: number): Promise<LoyaltyCardType[]>;
  findCardType(chainId: number, id: number): Promise<LoyaltyCardType | null>;
  insertCardType(chainId: number, title: string, locationIds: number[]): Promise<LoyaltyCardType>;
  /** Renames a live type and sets its locations (null: no such type in the chain). */
  updateCardType(
    chainId: number,
    id: number,
    title: string,
    locationIds: number[],
  ): Promise<LoyaltyCardType | null>;
  /** Reads a live type and holds it FOR SHARE until the transaction ends (a card is issued). */
  lockCardTypeForIssue(chainId: number, id: number): Promise<LoyaltyCardType | null>;
  /** Holds the named live types FOR SHARE (a program names them); returns the ids found. */
  lockCardTypesForUse(chainId: number, ids: number[]): Promise<number[]>;
  /** Locks a live type FOR UPDATE before it is deleted (false: no such type in the chain). */
  lockCardTypeForChange(chainId: number, id: number): Promise<boolean>;
  /** Cards of the type that are not deleted. */
  countIssuedCards(typeId: number): Promise<number>;
  softDeleteCardType(id: number): Promise<void>;
}

export interface LoyaltyProgramsRepo {
  insertProgram(chainId: number, input: LoyaltyProgramInput): Promise<LoyaltyProgram>;
  /** Replaces a live program's settings and rules (null: no such program). */
  updateProgram(
    chainId: number,
    id: number,
    input: LoyaltyProgramInput,
  ): Promise<LoyaltyProgram | null>;
  /** Soft-deletes it (false: no such program); settled visits keep their history. */
  deleteProgram(chainId: number, id: number): Promise<boolean>;
  listPrograms(chainId: number): Promise<LoyaltyProgram[]>;
  findProgram(chainId: number, id: number): Promise<LoyaltyProgram | null>;
  /** Titles of the chain's live programs that name the card type. */
  listProgramTitlesWithCardType(chainId: number, cardTypeId: number): Promise<string[]>;
}

export interface NewMembership {
  chainId: number;
  typeId: number;
  number: string;
  phone: string;
  soldLocationId: number;
  visitsTotal: number | null;
  startsAt: number;
  expiresAt: number;
  paymentId: number | null;
}

export interface InstrumentFilter {
  chainId?: number;
  phone?: string;
  /** Only instruments usable at this location (type valid there). */
  locationId?: number;
}

export interface MembershipsRepo {
  insertMembership(input: NewMembership): Promise<Membership>;
  findMembership(chainId: number, id: number): Promise<Membership | null>;
  /** Read and lock the row for the rest of the transaction. */
  lockMembership(id: number): Promise<Membership | null>;
  listMemberships(filter: InstrumentFilter): Promise<Membership[]>;
  setFreeze(
    id: number,
    state: Pick<Membership, 'frozenAt' | 'frozenUntil' | 'expiresAt' | 'freezeDaysUsed'>,
  ): Promise<Membership>;
  /**
   * Uses one visit for this appointment: false when this appointment already used this
   * membership, or when no visit was left at the moment of writing (conditional UPDATE).
   */
  useVisit(id: number, recordId: number): Promise<boolean>;
  /** Gives back the visit this appointment used (false: it used none). */
  returnVisit(id: number, recordId: number): Promise<boolean>;
  /** Its own validity period and the end of validity it gives. */
  setPeriod(id: number, period: number, unitId: PeriodUnit, expiresAt: number): Promise<Membership>;
  /** New visits left (and total, raised when the new balance exceeds it). */
  setVisitsRemaining(id: number, visits: number): Promise<Membership>;
}

export interface NewCertificate {
  chainId: number;
  typeId: number;
  number: string;
  phone: string;
  soldLocationId: number;
  balanceCents: number;
  isMulti: boolean;
  expiresAt: number | null;
  paymentId: number | null;
}

export interface CertificatesRepo {
  insertCertificate(input: NewCertificate): Promise<Certificate>;
  findCertificate(chainId: number, id: number): Promise<Certificate | null>;
  lockCertificate(id: number): Promise<Certificate | null>;
  listCertificates(filter: InstrumentFilter): Promise<Certificate[]>;
  /**
   * Draws `amountCents` only while the balance still covers it and the card is not used up or
   * expired (one conditional UPDATE): false when it does not, and nothing is drawn.
   */
  drawBalance(id: number, amountCents: number, spendAll: boolean, now: number): Promise<boolean>;
  /** Gives `amountCents` back (the card is usable again) and drops the visit's redemptions. */
  restoreBalance(id: number, amountCents: number, recordId: number): Promise<void>;
  insertRedemption(r: {
    certificateId: number;
    recordId: number | null;
    locationId: number;
    amountCents: number;
  }): Promise<void>;
}

export interface LoyaltyCardsRepo {
  /** null when the number is taken in the chain. */
  insertCard(input: {
    chainId: number;
    typeId: number;
    number: string;
    phone: string;
  }): Promise<LoyaltyCard | null>;
  findCard(chainId: number, id: number): Promise<LoyaltyCard | null>;
  lockCard(id: number): Promise<LoyaltyCard | null>;
  listCards(filter: { chainId?: number; phone?: string }): Promise<LoyaltyCard[]>;
  deleteCard(chainId: number, id: number): Promise<boolean>;
  /** Writes the card's counters, bonus balance and discount state (the row is locked). */
  updateCardAfterVisit(id: number, after: CardAfterRefund): Promise<void>;
  /** How often each program credited cashback to this card (live transactions), by program id. */
  countCashbackUses(id: number): Promise<Record<number, number>>;
  /** Cancels the visit's transactions on this card (kept, no longer listed or counted). */
  cancelVisitTransactions(id: number, recordId: number): Promise<void>;
  /** Credits a bonus lot (expiresAt null: never expires); returns its id. */
  insertBonusLot(lot: {
    cardId: number;
    recordId: number | null;
    programId: number | null;
    amountCents: number;
    expiresAt: number | null;
  }): Promise<number>;
  /**
   * Takes `cents` from the lot only while it is live, unexpired at `now` and still holds them
   * (one conditional UPDATE) and writes the spend: false when it does not, nothing taken.
   */
  spendBonusLot(
    lotId: number,
    cents: number,
    recordId: number | null,
    now: number,
  ): Promise<boolean>;
  /** A refund: puts what the visit spent back into the lots it came from. */
  restoreVisitSpends(id: number, recordId: number): Promise<void>;
  /** A refund: cancels the lot the visit credited; what it was and what was left of it. */
  cancelVisitLot(
    id: number,
    recordId: number,
  ): Promise<{ amountCents: number; remainingCents: number } | null>;
  /** Sets the stored balance to the sum of the live lots' remainders (the CHECK's last line). */
  syncBalance(id: number): Promise<void>;
  insertTransaction(t: {
    cardId: number;
    programId: number | null;
    recordId: number | null;
    locationId: number;
    kind: 'discount' | 'cashback' | 'withdrawal' | 'manual';
    amountCents: number;
    comment: string;
  }): Promise<void>;
  listTransactions(filter: {
    chainId: number;
    cardId?: number;
    recordId?: number;
  }): Promise<LoyaltyTransaction[]>;
}

export interface LoyaltyTransaction {
  id: number;
  cardId: number;
  programId: number | null;
  recordId: number | null;
  locationId: number;
  kind: string;
  amountCents: number;
  comment: string;
  createdAt: number;
}

export interface VisitForPayment {
  recordId: number;
  locationId: number;
  chainId: number;
  clientId: number | null;
  clientPhone: string | null;
  deleted: boolean;
  /** The location's zone. */
  timeZone: string;
  lines: { serviceId: number; categoryId: number | null; costCents: number }[];
}

/** What a visit's loyalty settlement changed, as stored. */
export interface StoredVisitPayment {
  recordId: number;
  locationId: number;
  membershipId: number | null;
  certificateId: number | null;
  certificateDrawnCents: number;
  cardId: number | null;
  cardSoldCents: number;
  cardPaidCents: number;
  withdrawalCents: number;
  cashbackCents: number;
  cardBefore: CardDiscountState | null;
  cardAfter: CardDiscountState | null;
}

export interface VisitPaymentsRepo {
  /**
   * The appointment with its priced lines; its row stays locked until the transaction ends, so a
   * payment and a deletion of the appointment are serialised.
   */
  findVisitForPayment(locationId: number, recordId: number): Promise<VisitForPayment | null>;
  /** Claims the visit for a loyalty settlement: false when it was already settled. */
  claimVisit(recordId: number, locationId: number): Promise<boolean>;
  /**
   * Removes the visit's settlement and returns what it changed (one DELETE … RETURNING: of
   * concurrent refunds one gets it, the others null).
   */
  takeSettlement(locationId: number, recordId: number): Promise<StoredVisitPayment | null>;
  saveSettlement(
    recordId: number,
    s: {
      totalCents: number;
      discountCents: number;
      certificateAmountCents: number;
      cashbackCents: number;
      dueCents: number;
      membershipId: number | null;
      certificateId: number | null;
      certificateDrawnCents: number;
      cardId: number | null;
      cardSoldCents: number;
      cardPaidCents: number;
      withdrawalCents: number;
      cardBefore: CardDiscountState | null;
      cardAfter: CardDiscountState | null;
    },
  ): Promise<void>;
}

export interface LoyaltyRepos {
  chainScope: ChainScope;
  loyaltyTypes: LoyaltyTypesRepo;
  loyaltyPrograms: LoyaltyProgramsRepo;
  memberships: MembershipsRepo;
  certificates: CertificatesRepo;
  loyaltyCards: LoyaltyCardsRepo;
  visitPayments: VisitPaymentsRepo;
  outbox: OutboxRepo;
}

export type LoyaltyUow = UnitOfWork<LoyaltyRepos>;

/** Numbers printed on cards and codes of gift cards; random, from the composition root. */
export interface InstrumentNumbers {
  next(kind: 'membership' | 'certificate' | 'card'): string;
}
