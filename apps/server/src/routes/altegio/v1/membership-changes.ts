import {
  AbonementEnvelope,
  ChainItemParams,
  errorResponses,
  FreezeBody,
  SetBalanceBody,
  SetPeriodBody,
} from '@visita/contracts';
import {
  setMembershipBalance,
  setMembershipFrozen,
  setMembershipPeriod,
  type Membership,
  type PeriodUnit,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsChainRight } from '../../../plugins/chain-access';
import { presentAbonement } from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: memberships and gift cards'];
const security = userSecurity;

/** Chain-level membership lifecycle (contract §3.h): freeze, unfreeze, set_period, set_balance. */
export function membershipChangeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const url = deps.config.publicUrl;
  const present = async (chainId: number, m: Membership) => {
    const type = (await deps.read((r) => r.loyaltyTypes.findMembershipType(chainId, m.typeId)))!;
    return ok(presentAbonement(m, type, type.locationIds, deps.clock.now().getTime(), url));
  };
  const route = {
    params: ChainItemParams,
    response: { 200: AbonementEnvelope, ...errorResponses },
  };

  for (const action of ['freeze', 'unfreeze'] as const)
    t.post(
      `/chain/:group_id/loyalty/abonements/:item_id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'freeze'
              ? 'Freeze a membership (within its type’s limit)'
              : 'Unfreeze a membership (unused days are given back)',
          security,
          ...route,
          ...(action === 'freeze' ? { body: FreezeBody } : {}),
        },
        preHandler: needsChainRight(deps, 'clients:write'),
      },
      async (request) => {
        const { group_id, item_id } = request.params;
        const days = (request.body as { freeze_days?: number } | undefined)?.freeze_days ?? 0;
        const m = await setMembershipFrozen(
          deps,
          group_id,
          item_id,
          action === 'freeze' ? { freeze: true, days } : { freeze: false },
        );
        return present(group_id, m);
      },
    );

  t.post(
    '/chain/:group_id/loyalty/abonements/:item_id/set_period',
    {
      schema: {
        tags,
        summary: 'Change a membership’s validity period',
        description:
          'The membership ends `period` units after it started (plus the days it was frozen), on the selling location’s wall clock. Answers the membership (Altegio: `{id, period, period_unit_id, expiration_date}`, all present).',
        security,
        ...route,
        body: SetPeriodBody,
      },
      preHandler: needsChainRight(deps, 'clients:write'),
    },
    async (request) => {
      const { group_id, item_id } = request.params;
      const m = await setMembershipPeriod(
        deps,
        group_id,
        item_id,
        request.body.period,
        request.body.period_unit_id as PeriodUnit,
      );
      return present(group_id, m);
    },
  );

  t.post(
    '/chain/:group_id/loyalty/abonements/:item_id/set_balance',
    {
      schema: {
        tags,
        summary: 'Change a membership’s visits left (united balance)',
        description:
          '`united_balance_services_count` is the new number of visits left (the total grows with it). Separate per-service balances are not supported; an unlimited membership has no balance (422).',
        security,
        ...route,
        body: SetBalanceBody,
      },
      preHandler: needsChainRight(deps, 'clients:write'),
    },
    async (request) => {
      const { group_id, item_id } = request.params;
      const m = await setMembershipBalance(
        deps,
        group_id,
        item_id,
        request.body.united_balance_services_count,
      );
      return present(group_id, m);
    },
  );
}
