import { cardAt, discountExpiry, discountStateOf } from './card-rules';
import { certificateAppliesToService, redeemCertificate } from './certificate-rules';
import { useMembershipForVisit } from './membership-rules';
import {
  applicableLines,
  cashbackDue,
  isCashbackProgram,
  isDiscountProgram,
  programApplies,
  programCashback,
  programDiscount,
  standingDiscount,
  type VisitLine,
} from './program-rules';
import type {
  CardDiscountState,
  Certificate,
  CertificateType,
  LoyaltyCard,
  LoyaltyProgram,
  Membership,
  MembershipType,
} from './types';

export interface SettlementInput {
  locationId: number;
  /** The location's zone: a granted discount's expiry is counted on its wall clock. */
  timeZone: string;
  now: number;
  lines: VisitLine[];
  membership?: { membership: Membership; type: MembershipType } | undefined;
  certificate?:
    | { certificate: Certificate; type: CertificateType; requestedCents?: number | undefined }
    | undefined;
  card?:
    | {
        card: LoyaltyCard;
        programs: LoyaltyProgram[];
        /** How often each cashback program already credited this card (by program id). */
        programUses?: Record<number, number> | undefined;
        /** Bonus balance to spend at this visit (clamped to the balance and what is left). */
        withdrawalCents?: number | undefined;
      }
    | undefined;
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
  /** How much the gift card's balance fell (a single-use card loses all of it). */
  certificateDrawnCents: number;
  /** Bonus balance of the card spent at this visit. */
  withdrawalCents: number;
  /** What is left to pay in money. */
  dueCents: number;
  cashbackCents: number;
  cashbackProgramId: number | null;
  /** When the bonus credited expires: the cashback program's `expiration_timeout` later (null: never). */
  cashbackExpiresAt: number | null;
  /** The program whose tier the card reached when `discountRaised`. */
  grantProgramId: number | null;
  /** The card after the visit (counters, bonus balance, standing discount), when one was used. */
  cardAfter:
    | (Pick<LoyaltyCard, 'visitsCount' | 'soldCents' | 'paidCents' | 'balanceCents'> &
        CardDiscountState)
    | null;
  /** The card's discount state as stored before the visit (to undo the visit on a refund). */
  cardBefore: CardDiscountState | null;
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

  const storedCard = input.card?.card ?? null;
  // An expired discount is gone before anything is computed: it never applies.
  const card = storedCard ? cardAt(storedCard, input.now) : null;
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
  let certificateDrawnCents = 0;
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
    certificateDrawnCents = r.amountCents > 0 ? certificate.balanceCents - r.balanceAfterCents : 0;
  }
  const afterCertificateCents = soldCents - certificateAmountCents;
  // Bonus spent: never more than the balance before this visit nor what is left to pay.
  const withdrawalCents = card
    ? Math.max(
        0,
        Math.min(input.card!.withdrawalCents ?? 0, card.balanceCents, afterCertificateCents),
      )
    : 0;
  const dueCents = afterCertificateCents - withdrawalCents;

  let cashbackCents = 0;
  let cashbackProgramId: number | null = null;
  let cashbackExpiresAt: number | null = null;
  if (card) {
    const paidShare = soldCents > 0 ? dueCents / soldCents : 0;
    const uses = input.card!.programUses ?? {};
    for (const p of programs.filter(isCashbackProgram)) {
      if (!cashbackDue(p, card.visitsCount + 1, uses[p.id] ?? 0)) continue;
      const c = programCashback(p, card, lines, paidShare);
      if (c > cashbackCents) {
        cashbackCents = c;
        cashbackProgramId = p.id;
        // A credited bonus expires `expiration_timeout` later on the location's wall clock.
        cashbackExpiresAt = discountExpiry(p, input.now, input.timeZone);
      }
    }
  }

  let cardAfter: Settlement['cardAfter'] = null;
  let discountRaised = false;
  let grantProgramId: number | null = null;
  if (card) {
    const counters = {
      ...card,
      visitsCount: card.visitsCount + 1,
      soldCents: card.soldCents + soldCents,
      paidCents: card.paidCents + dueCents,
      balanceCents: card.balanceCents - withdrawalCents + cashbackCents,
    };
    const standing = standingDiscount(programs, counters);
    discountRaised = standing.percent > card.discountPercent;
    grantProgramId = discountRaised ? (standing.program?.id ?? null) : null;
    cardAfter = {
      visitsCount: counters.visitsCount,
      soldCents: counters.soldCents,
      paidCents: counters.paidCents,
      balanceCents: counters.balanceCents,
      discountPercent: discountRaised ? standing.percent : card.discountPercent,
      // A granted discount expires `expiration_timeout` after it was granted.
      discountExpiresAt:
        discountRaised && standing.program
          ? discountExpiry(standing.program, input.now, input.timeZone)
          : card.discountExpiresAt,
      discountBase: { ...card.discountBase },
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
    certificateDrawnCents,
    withdrawalCents,
    dueCents,
    cashbackCents,
    cashbackProgramId,
    cashbackExpiresAt: cashbackCents > 0 ? cashbackExpiresAt : null,
    grantProgramId,
    cardAfter,
    cardBefore: storedCard ? discountStateOf(storedCard) : null,
    discountRaised,
  };
}
