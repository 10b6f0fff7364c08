import { notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { freezeMembership, unfreezeMembership } from './membership-rules';
import type { LoyaltyUow } from './ports';
import type { Membership } from './types';

type Deps = { uow: LoyaltyUow; clock: Clock };

/** Freeze (`days` > 0) or unfreeze a membership of the chain; the row is locked while deciding. */
export async function setMembershipFrozen(
  deps: Deps,
  chainId: number,
  id: number,
  change: { freeze: true; days: number } | { freeze: false },
): Promise<Membership> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (r) => {
    const found = await r.memberships.findMembership(chainId, id);
    const m = found ? await r.memberships.lockMembership(found.id) : null;
    if (!m) throw notFound('Membership');
    const type = await r.loyaltyTypes.findMembershipType(chainId, m.typeId);
    if (!type) throw notFound('Membership type');
    const state = change.freeze
      ? freezeMembership(m, type, change.days, now)
      : unfreezeMembership(m, now);
    return r.memberships.setFreeze(m.id, state);
  });
}
