import type { LoyaltyCard, LoyaltyProgram, ProgramRule } from './types';

/** One priced service line of a visit. */
export interface VisitLine {
  serviceId: number;
  categoryId: number | null;
  costCents: number;
}

export const isDiscountProgram = (p: LoyaltyProgram): boolean => p.type.startsWith('discount_');
export const isCashbackProgram = (p: LoyaltyProgram): boolean => p.type.startsWith('cashback_');

/** Programs that apply to this card at this location. */
export function programApplies(p: LoyaltyProgram, card: LoyaltyCard, locationId: number): boolean {
  return (
    (p.cardTypeIds.length === 0 || p.cardTypeIds.includes(card.typeId)) &&
    (p.locationIds.length === 0 || p.locationIds.includes(locationId))
  );
}

/** Service lines the program's `service_item_type` lets it act on (listed services or categories). */
export function applicableLines(p: LoyaltyProgram, lines: VisitLine[]): VisitLine[] {
  if (p.serviceItemType === 'not_allowed') return [];
  if (p.serviceItemType === 'any_allowed') return lines;
  return lines.filter(
    (l) =>
      p.allowedServiceIds.includes(l.serviceId) ||
      (l.categoryId !== null && p.allowedServiceCategoryIds.includes(l.categoryId)),
  );
}

export type CardCounters = Pick<LoyaltyCard, 'visitsCount' | 'soldCents' | 'paidCents'> &
  Partial<Pick<LoyaltyCard, 'discountBase'>>;

/**
 * What an accumulative program measures on the card: visits, or money sold/paid (in units).
 * Discount programs count from the card's discount base (its totals when its last discount
 * expired); cashback programs count the whole history.
 */
function metricOf(p: LoyaltyProgram, card: CardCounters): number {
  const base =
    isDiscountProgram(p) && card.discountBase
      ? card.discountBase
      : { visits: 0, soldCents: 0, paidCents: 0 };
  if (p.type.endsWith('_visits')) return card.visitsCount - base.visits;
  if (p.type.endsWith('_sold')) return (card.soldCents - base.soldCents) / 100;
  return (card.paidCents - base.paidCents) / 100;
}

/**
 * The rule in force: a static program has one rule; an accumulative one takes the rule with the
 * highest threshold the card has reached (none reached: no benefit).
 */
export function ruleInForce(p: LoyaltyProgram, card: CardCounters): ProgramRule | null {
  if (p.type.includes('_static')) return p.rules[0] ?? null;
  const metric = metricOf(p, card);
  let best: ProgramRule | null = null;
  for (const rule of p.rules)
    if (rule.parameter <= metric && (!best || rule.parameter > best.parameter)) best = rule;
  return best;
}

const percentOf = (cents: number, percent: number) => Math.round((cents * percent) / 100);

/** The discount in cents a discount program gives on these lines (never more than they cost). */
export function programDiscount(
  p: LoyaltyProgram,
  card: LoyaltyCard,
  lines: VisitLine[],
): { discountCents: number; percent: number | null } {
  const rule = ruleInForce(p, card);
  const base = applicableLines(p, lines).reduce((sum, l) => sum + l.costCents, 0);
  if (!rule || base <= 0) return { discountCents: 0, percent: null };
  if (p.valueUnit === 'percent')
    return { discountCents: percentOf(base, Math.min(rule.value, 100)), percent: rule.value };
  return { discountCents: Math.min(Math.round(rule.value * 100), base), percent: null };
}

/**
 * Bonus credited by a cashback program: a share of what was paid in money (`*_paid`) or of what
 * was sold (`*_sold`), for the lines it applies to, by the rule in force before this visit.
 * `paidShare` is the fraction of the sold value the client paid in money (0..1).
 */
export function programCashback(
  p: LoyaltyProgram,
  card: LoyaltyCard,
  lines: VisitLine[],
  paidShare: number,
): number {
  const rule = ruleInForce(p, card);
  if (!rule) return 0;
  const sold = applicableLines(p, lines).reduce((sum, l) => sum + l.costCents, 0);
  if (sold <= 0) return 0;
  const base = p.type.includes('_paid') ? Math.round(sold * paidShare) : sold;
  if (base <= 0) return 0;
  return p.valueUnit === 'percent' ? percentOf(base, rule.value) : Math.round(rule.value * 100);
}

/**
 * The card's standing discount: the best percent its accumulative discount programs give at its
 * current totals (a static discount is the same at every visit and is not "raised").
 */
export function standingDiscountPercent(programs: LoyaltyProgram[], card: LoyaltyCard): number {
  return standingDiscount(programs, card).percent;
}

/** The card's standing discount and the program that gives it (null: none). */
export function standingDiscount(
  programs: LoyaltyProgram[],
  card: LoyaltyCard,
): { percent: number; program: LoyaltyProgram | null } {
  let best = 0;
  let program: LoyaltyProgram | null = null;
  for (const p of programs)
    if (p.type.startsWith('discount_accumulative') && p.valueUnit === 'percent') {
      const rule = ruleInForce(p, card);
      if (rule && rule.value > best) {
        best = rule.value;
        program = p;
      }
    }
  return { percent: Math.min(best, 100), program };
}

/**
 * Whether a cashback program credits at this visit: every `visit_multiplicity`-th visit of the
 * card (0 or 1: every visit), and at most `usage_limit` times per card (0: no limit).
 * `visitNumber` counts this visit (the card's first visit is 1); `uses` is how often the
 * program already credited this card.
 */
export function cashbackDue(
  p: Pick<LoyaltyProgram, 'visitMultiplicity' | 'usageLimit'>,
  visitNumber: number,
  uses: number,
): boolean {
  if (p.visitMultiplicity > 1 && visitNumber % p.visitMultiplicity !== 0) return false;
  return p.usageLimit <= 0 || uses < p.usageLimit;
}
