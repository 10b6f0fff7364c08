import { DomainError } from '../errors/domain-error';
import { addPeriod, DAY_MS } from './periods';
import type { Membership, MembershipType, PeriodUnit } from './types';

const refuse = (message: string, field = 'abonement_id') =>
  new DomainError('not_allowed', message, field);

export const isFrozen = (m: Membership, now: number): boolean =>
  m.frozenAt !== null && m.frozenUntil !== null && now < m.frozenUntil;

/** Where a membership can be used: the type's locations, or every location of the chain. */
export const membershipValidAt = (type: MembershipType, locationId: number): boolean =>
  type.locationIds.length === 0 || type.locationIds.includes(locationId);

export interface VisitService {
  serviceId: number;
  categoryId: number | null;
}

/** A type without listed services or categories covers every service. */
export function membershipCoversService(type: MembershipType, service: VisitService): boolean {
  if (type.serviceIds.length === 0 && type.categoryIds.length === 0) return true;
  return (
    type.serviceIds.includes(service.serviceId) ||
    (service.categoryId !== null && type.categoryIds.includes(service.categoryId))
  );
}

/**
 * Checks that the membership may pay for a visit with these services at this location now and
 * returns what it becomes: one visit fewer (unlimited ones stay unlimited). A visit is one
 * decrement whatever the number of covered services.
 */
export function useMembershipForVisit(
  m: Membership,
  type: MembershipType,
  visit: { locationId: number; services: VisitService[]; now: number },
): { visitsRemaining: number | null; covered: boolean[] } {
  if (visit.now < m.startsAt) throw refuse('The membership is not valid yet');
  if (visit.now >= m.expiresAt) throw refuse('The membership has expired');
  if (isFrozen(m, visit.now)) throw refuse('The membership is frozen');
  if (!membershipValidAt(type, visit.locationId))
    throw refuse('The membership is not valid at this location');
  if (m.visitsRemaining !== null && m.visitsRemaining <= 0)
    throw refuse('The membership has no visits left');
  const covered = visit.services.map((s) => membershipCoversService(type, s));
  if (!covered.some(Boolean)) throw refuse('The membership does not cover these services');
  return { visitsRemaining: m.visitsRemaining === null ? null : m.visitsRemaining - 1, covered };
}

/**
 * Freezing for `days` pauses the membership and moves its end by the same days; the type must
 * allow freezing and the days frozen in total may not exceed its limit.
 */
export function freezeMembership(
  m: Membership,
  type: MembershipType,
  days: number,
  now: number,
): Pick<Membership, 'frozenAt' | 'frozenUntil' | 'expiresAt' | 'freezeDaysUsed'> {
  if (!type.allowFreeze) throw refuse('This membership type cannot be frozen');
  if (!Number.isInteger(days) || days <= 0)
    throw new DomainError(
      'validation_failed',
      'freeze days must be a positive whole number',
      'days',
    );
  if (now >= m.expiresAt) throw refuse('The membership has expired');
  if (isFrozen(m, now)) throw refuse('The membership is already frozen');
  const left = type.freezeLimitDays - m.freezeDaysUsed;
  if (days > left)
    throw new DomainError(
      'validation_failed',
      `The membership can be frozen for at most ${left} more day(s)`,
      'days',
    );
  return {
    frozenAt: now,
    frozenUntil: now + days * DAY_MS,
    expiresAt: m.expiresAt + days * DAY_MS,
    freezeDaysUsed: m.freezeDaysUsed + days,
  };
}

/** Unfreezing early gives back the whole days not spent frozen (to the limit and the end date). */
export function unfreezeMembership(
  m: Membership,
  now: number,
): Pick<Membership, 'frozenAt' | 'frozenUntil' | 'expiresAt' | 'freezeDaysUsed'> {
  if (!isFrozen(m, now) || m.frozenUntil === null) throw refuse('The membership is not frozen');
  const unusedDays = Math.floor((m.frozenUntil - now) / DAY_MS);
  return {
    frozenAt: null,
    frozenUntil: null,
    expiresAt: m.expiresAt - unusedDays * DAY_MS,
    freezeDaysUsed: m.freezeDaysUsed - unusedDays,
  };
}

/**
 * The end of validity for a new period (`set_period`): the period from the start, on the selling
 * location's wall clock, plus the days it has been frozen (freezing moved the end by as much).
 */
export function expiryForPeriod(
  m: Pick<Membership, 'startsAt' | 'freezeDaysUsed'>,
  period: number,
  unitId: PeriodUnit,
  timeZone: string,
): number {
  const end = addPeriod(m.startsAt, period, unitId, timeZone);
  return m.freezeDaysUsed > 0 ? addPeriod(end, m.freezeDaysUsed, 1, timeZone) : end;
}
