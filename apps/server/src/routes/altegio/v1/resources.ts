import {
  errorResponses,
  NoContent,
  ResourceCreateBody,
  ResourceEnvelope,
  ResourceListEnvelope,
  ResourceParams,
  ResourceUpdateBody,
} from '@visita/contracts';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  updateResource,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentResource } from '../../../presenters/resource';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

const tags = ['Resources'];

/** Rooms, chairs and devices: resource types with instances that services occupy. */
export function resourceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'catalog:read');
  const canWrite = needsRight(deps.db, 'catalog:write');

  for (const url of ['/resources/:company_id', '/locations/:company_id/resources']) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'List resources with their instances',
          security: userSecurity,
          params: CompanyParams,
          response: { 200: ResourceListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const resources = await listResources(deps, request.params.company_id);
        return ok(resources.map(presentResource), { count: resources.length });
      },
    );
    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Create a resource (instances by title, or `count` numbered ones)',
          security: userSecurity,
          params: CompanyParams,
          body: ResourceCreateBody,
          response: { 201: ResourceEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const resource = await createResource(deps, request.params.company_id, request.body);
        return reply.status(201).send(ok(presentResource(resource)));
      },
    );
  }

  for (const url of ['/resource/:company_id/:id', '/locations/:company_id/resources/:id']) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Get a resource',
          security: userSecurity,
          params: ResourceParams,
          response: { 200: ResourceEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, id } = request.params;
        return ok(presentResource(await getResource(deps, company_id, id)));
      },
    );
    for (const method of ['PUT', 'PATCH'] as const) {
      if (method === 'PATCH' && url.startsWith('/resource/')) continue;
      t.route({
        method,
        url,
        schema: {
          tags,
          summary: 'Update a resource (title, description)',
          security: userSecurity,
          params: ResourceParams,
          body: ResourceUpdateBody,
          response: { 200: ResourceEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
        handler: async (request) => {
          const { company_id, id } = request.params;
          return ok(presentResource(await updateResource(deps, company_id, id, request.body)));
        },
      });
    }
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete a resource no service needs (409 otherwise)',
          security: userSecurity,
          params: ResourceParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        await deleteResource(deps, request.params.company_id, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}
