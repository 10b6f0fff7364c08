import { certificateAppliesToService, redeemCertificate } from './certificate-rules';
import { useMembershipForVisit } from './membership-rules';
import {
  applicableLines,
  isCashbackProgram,
  isDiscountProgram,
  programApplies,
  programCashback,
  programDiscount,
  standingDiscountPercent,
  type VisitLine,
} from './program-rules';
import type {
  Certificate,
  CertificateType,
  LoyaltyCard,
  LoyaltyProgram,
  Membership,
  MembershipType,
} from './types';

export interface SettlementInput {
  locationId: number;
  now: number;
  lines: VisitLine[];
  membership?: { membership: Membership; type: MembershipType } | undefined;
  certificate?:
    | { certificate: Certificate; type: CertificateType; requestedCents?: number | undefined }
    | undefined;
  card?: { card: LoyaltyCard; programs: LoyaltyProgram[] } | undefined;
}

export interface Settlement {
  totalCents: number;
  membershipCoveredCents: number;
  membershipVisitsRemaining: number | null;
  discountCents: number;
  discountProgramId: number | null;
  certificateAmountCents: number;
  certificateBalanceAfterCents: number;
  certificateUsed: boolean;
  /** What is left to pay in money. */
  dueCents: number;
  cashbackCents: number;
  cashbackProgramId: number | null;
  /** The card after the visit (counters, bonus balance, standing discount), when one was used. */
  cardAfter: Pick<
    LoyaltyCard,
    'visitsCount' | 'soldCents' | 'paidCents' | 'balanceCents' | 'discountPercent'
  > | null;
  /** The card's standing discount went up with this visit (a `discount.granted` event). */
  discountRaised: boolean;
}

const sum = (lines: VisitLine[]) => lines.reduce((s, l) => s + l.costCents, 0);

/** Takes `discountCents` off the lines in `targets`, in order, never below zero per line. */
function takeOff(
  lines: VisitLine[],
  targets: Set<VisitLine>,
  percent: number | null,
  amountCents: number,
): VisitLine[] {
  let left = amountCents;
  return lines.map((l) => {
    if (!targets.has(l)) return l;
    const off =
      percent !== null
        ? Math.round((l.costCents * Math.min(percent, 100)) / 100)
        : Math.min(l.costCents, left);
    left -= percent !== null ? 0 : off;
    return { ...l, costCents: l.costCents - off };
  });
}

/**
 * How a visit is paid with loyalty instruments, in the order a cashier applies them: the
 * membership covers the services it includes (one visit used), the card's best discount program
 * lowers the rest, a gift certificate pays what it may, and the card's best cashback program
 * credits a bonus on what was paid in money. Pure: the caller writes the outcome.
 */
export function settleVisit(input: SettlementInput): Settlement {
  const totalCents = sum(input.lines);
  let lines = input.lines;
  let membershipVisitsRemaining: number | null = null;
  let membershipCoveredCents = 0;
  if (input.membership) {
    const use = useMembershipForVisit(input.membership.membership, input.membership.type, {
      locationId: input.locationId,
      services: lines,
      now: input.now,
    });
    membershipVisitsRemaining = use.visitsRemaining;
    membershipCoveredCents = sum(lines.filter((_, i) => use.covered[i]));
    lines = lines.map((l, i) => (use.covered[i] ? { ...l, costCents: 0 } : l));
  }

  const card = input.card?.card ?? null;
  const programs = card
    ? input.card!.programs.filter((p) => programApplies(p, card, input.locationId))
    : [];

  let discountCents = 0;
  let discountProgramId: number | null = null;
  let discountPercent: number | null = null;
  let discountProgram: LoyaltyProgram | null = null;
  for (const p of programs.filter(isDiscountProgram)) {
    const d = programDiscount(p, card!, lines);
    if (d.discountCents > discountCents) {
      discountCents = d.discountCents;
      discountProgramId = p.id;
      discountPercent = d.percent;
      discountProgram = p;
    }
  }
  if (discountProgram)
    lines = takeOff(
      lines,
      new Set(applicableLines(discountProgram, lines)),
      discountPercent,
      discountCents,
    );
  discountCents = totalCents - membershipCoveredCents - sum(lines);
  const soldCents = sum(lines);

  let certificateAmountCents = 0;
  let certificateBalanceAfterCents = 0;
  let certificateUsed = false;
  if (input.certificate) {
    const { certificate, type, requestedCents } = input.certificate;
    const eligibleCents = sum(lines.filter((l) => certificateAppliesToService(type, l)));
    const r = redeemCertificate(certificate, type, {
      locationId: input.locationId,
      eligibleCents,
      ...(requestedCents !== undefined ? { requestedCents } : {}),
      now: input.now,
    });
    certificateAmountCents = r.amountCents;
    certificateBalanceAfterCents = r.balanceAfterCents;
    certificateUsed = r.used;
  }
  const dueCents = soldCents - certificateAmountCents;

  let cashbackCents = 0;
  let cashbackProgramId: number | null = null;
  if (card) {
    const paidShare = soldCents > 0 ? dueCents / soldCents : 0;
    for (const p of programs.filter(isCashbackProgram)) {
      const c = programCashback(p, card, lines, paidShare);
      if (c > cashbackCents) {
        cashbackCents = c;
        cashbackProgramId = p.id;
      }
    }
  }

  let cardAfter: Settlement['cardAfter'] = null;
  let discountRaised = false;
  if (card) {
    const counters = {
      ...card,
      visitsCount: card.visitsCount + 1,
      soldCents: card.soldCents + soldCents,
      paidCents: card.paidCents + dueCents,
      balanceCents: card.balanceCents + cashbackCents,
    };
    const percent = Math.max(standingDiscountPercent(programs, counters), 0);
    discountRaised = percent > card.discountPercent;
    cardAfter = {
      visitsCount: counters.visitsCount,
      soldCents: counters.soldCents,
      paidCents: counters.paidCents,
      balanceCents: counters.balanceCents,
      discountPercent: Math.max(percent, card.discountPercent),
    };
  }

  return {
    totalCents,
    membershipCoveredCents,
    membershipVisitsRemaining,
    discountCents,
    discountProgramId,
    certificateAmountCents,
    certificateBalanceAfterCents,
    certificateUsed,
    dueCents,
    cashbackCents,
    cashbackProgramId,
    cardAfter,
    discountRaised,
  };
}
