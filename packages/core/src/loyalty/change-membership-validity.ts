import { DomainError, invalid, notFound } from '../errors/domain-error';
import { expiryForPeriod } from './membership-rules';
import type { LoyaltyRepos, LoyaltyUow } from './ports';
import type { Membership, PeriodUnit } from './types';

type Deps = { uow: LoyaltyUow };

async function locked(r: LoyaltyRepos, chainId: number, id: number): Promise<Membership> {
  const found = await r.memberships.findMembership(chainId, id);
  const m = found ? await r.memberships.lockMembership(found.id) : null;
  if (!m) throw notFound('Membership');
  return m;
}

/**
 * `POST /chain/{chain_id}/loyalty/abonements/{id}/set_period`: the membership's own validity
 * period; it ends that long after it started (plus the days it was frozen), on the selling
 * location's wall clock. May end it in the past (it is then expired).
 */
export async function setMembershipPeriod(
  deps: Deps,
  chainId: number,
  id: number,
  period: number,
  unitId: PeriodUnit,
): Promise<Membership> {
  if (period <= 0) throw invalid('period', 'period must be positive');
  return deps.uow(async (r) => {
    const m = await locked(r, chainId, id);
    const sold = await r.chainScope.findLocationChain(m.soldLocationId);
    const zone = sold?.timezone ?? 'UTC';
    return r.memberships.setPeriod(m.id, period, unitId, expiryForPeriod(m, period, unitId, zone));
  });
}

/**
 * `POST /chain/{chain_id}/loyalty/abonements/{id}/set_balance`: visits left of a membership with a
 * united balance (the total grows when the new balance exceeds it). An unlimited membership has
 * no balance to set.
 */
export async function setMembershipBalance(
  deps: Deps,
  chainId: number,
  id: number,
  visits: number,
): Promise<Membership> {
  if (visits < 0)
    throw invalid('united_balance_services_count', 'united_balance_services_count must be ≥ 0');
  return deps.uow(async (r) => {
    const m = await locked(r, chainId, id);
    if (m.visitsTotal === null)
      throw new DomainError(
        'not_allowed',
        'An unlimited membership has no visit balance',
        'united_balance_services_count',
      );
    return r.memberships.setVisitsRemaining(m.id, visits);
  });
}
