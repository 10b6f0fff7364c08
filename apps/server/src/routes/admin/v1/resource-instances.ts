import {
  errorResponses,
  ResourceEnvelope,
  ResourceInstancesBody,
  ResourceParams,
} from '@visita/contracts';
import { setResourceInstances } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentResource } from '../../../presenters/resource';
import { ok, typed, userSecurity } from '../../typed';

/**
 * Adding, renaming and removing a resource's instances after it was created: the Altegio API
 * only lists them (`GET /resources/{id}`) and takes them at creation, so this is an admin route.
 */
export function adminResourceInstanceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).put(
    '/locations/:company_id/resources/:id/instances',
    {
      schema: {
        tags: ['Back office'],
        summary:
          "Set a resource's instances (keep and rename by id, add without, remove by leaving out)",
        description:
          'One transaction. Removing an instance that an appointment holds from now on is refused with 409 naming it and the appointment. Needs `catalog:write`.',
        security: userSecurity,
        params: ResourceParams,
        body: ResourceInstancesBody,
        response: { 200: ResourceEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'catalog:write'),
    },
    async (request) => {
      const { company_id, id } = request.params;
      const resource = await setResourceInstances(
        deps,
        company_id,
        id,
        request.body.instances.map((i) => ({
          ...(i.id !== undefined ? { id: i.id } : {}),
          title: i.title,
        })),
      );
      return ok(presentResource(resource));
    },
  );
}
