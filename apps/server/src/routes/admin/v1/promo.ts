import {
  AdminLocationParams,
  AdminPromoBody,
  AdminPromoEnvelope,
  errorResponses,
} from '@visita/contracts';
import { getLocationPromo, setLocationPromo } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentPromo } from '../../../presenters/promo';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Admin: online booking'];
const url = '/locations/:company_id/promo';

/**
 * The location's promotional block. Altegio configures its booking widget promo in its own UI and
 * only shows it (`booking_widget_promo` of the company), so editing it is an admin API route.
 */
export function adminPromoRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const security = userSecurity;
  const response = { 200: AdminPromoEnvelope, ...errorResponses };

  t.get(
    url,
    {
      schema: {
        tags,
        summary: "The location's promotional block",
        security,
        params: AdminLocationParams,
        response,
      },
      preHandler: needsRight(deps.db, 'location:read'),
    },
    async (request) =>
      ok({ promo: presentPromo(await getLocationPromo(deps, request.params.company_id)) }),
  );

  t.put(
    url,
    {
      schema: {
        tags,
        summary: 'Set the promotional block shown in the client app and on the booking page',
        security,
        params: AdminLocationParams,
        body: AdminPromoBody,
        response,
      },
      preHandler: needsRight(deps.db, 'settings:write'),
    },
    async (request) => {
      const b = request.body;
      const promo = await setLocationPromo(deps, request.params.company_id, {
        title: b.title,
        ...(b.text !== undefined ? { text: b.text } : {}),
        ...(b.link_url !== undefined ? { linkUrl: b.link_url } : {}),
      });
      return ok({ promo: presentPromo(promo) });
    },
  );

  t.delete(
    url,
    {
      schema: {
        tags,
        summary: 'Remove the promotional block',
        security,
        params: AdminLocationParams,
        response,
      },
      preHandler: needsRight(deps.db, 'settings:write'),
    },
    async (request) => {
      await setLocationPromo(deps, request.params.company_id, null);
      return ok({ promo: null });
    },
  );
}
