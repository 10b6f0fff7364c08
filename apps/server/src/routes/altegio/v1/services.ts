import {
  errorResponses,
  NoContent,
  PublicServiceListEnvelope,
  ServiceCreateBody,
  ServiceEnvelope,
  ServiceListEnvelope,
  ServiceParams,
  ServicesQuery,
  ServiceUpdateBody,
} from '@visita/contracts';
import {
  createService,
  deleteService,
  DomainError,
  getService,
  listServices,
  updateService,
  type ServiceFields,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner, needsRight } from '../../../plugins/auth';
import { presentService } from '../../../presenters/service';
import { CompanyParams, listMeta, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Services'];

interface ServiceWireFields {
  title?: string;
  category_id?: number | null;
  price_min?: number;
  price_max?: number;
  discount?: number;
  comment?: string;
  weight?: number;
  duration?: number;
  seance_length?: number;
  active?: number;
  service_type?: number;
  is_online?: boolean;
  api_id?: string | null;
  api_service_id?: string | number;
  staff?: { id: number; seance_length?: number | null; price?: number | null }[];
  resources?: number[];
}

/** Wire body → domain patch; only the keys present change. Aliases: see the contract schema. */
function toServiceFields(body: ServiceWireFields): Partial<ServiceFields> {
  const patch: Partial<ServiceFields> = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.category_id !== undefined) patch.categoryId = body.category_id || null;
  if (body.price_min !== undefined) patch.priceMin = body.price_min;
  if (body.price_max !== undefined) patch.priceMax = body.price_max;
  if (body.discount !== undefined) patch.discount = body.discount;
  if (body.comment !== undefined) patch.comment = body.comment;
  if (body.weight !== undefined) patch.weight = body.weight;
  const duration = body.seance_length ?? body.duration;
  if (duration !== undefined) patch.durationSeconds = duration;
  const online = body.active ?? body.service_type;
  if (online !== undefined) patch.onlineBookable = online === 1;
  else if (body.is_online !== undefined) patch.onlineBookable = body.is_online;
  if (body.api_id !== undefined) patch.apiId = body.api_id || null;
  else if (body.api_service_id !== undefined) patch.apiId = String(body.api_service_id);
  if (body.staff)
    patch.staff = body.staff.map((s) => ({
      staffId: s.id,
      durationSeconds: s.seance_length ?? null,
      price: s.price ?? null,
    }));
  if (body.resources) patch.resourceIds = body.resources;
  return patch;
}

/** The core names the duration `seance_length`; a client that sent `duration` hears its own word. */
async function namingDuration<T>(body: ServiceWireFields, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (
      error instanceof DomainError &&
      error.field === 'seance_length' &&
      body.seance_length === undefined &&
      body.duration !== undefined
    )
      throw new DomainError(
        error.code,
        error.message.replace('seance_length', 'duration'),
        'duration',
      );
    throw error;
  }
}

export function serviceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'catalog:read');
  const canWrite = needsRight(deps.db, 'catalog:write');

  for (const base of ['/company/:company_id/services', '/locations/:company_id/services']) {
    t.get(
      base,
      {
        schema: {
          tags,
          summary: 'List services (filters: staff_id, category_id)',
          security: userSecurity,
          params: CompanyParams,
          querystring: ServicesQuery,
          response: { 200: ServiceListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { staff_id, category_id } = request.query;
        const services = await listServices(deps, request.params.company_id, {
          ...(staff_id ? { staffId: staff_id } : {}),
          ...(category_id ? { categoryId: category_id } : {}),
        });
        return ok(services.map(presentService), listMeta(services.length));
      },
    );
    t.get(
      `${base}/:service_id`,
      {
        schema: {
          tags,
          summary: 'Get a service',
          security: userSecurity,
          params: ServiceParams,
          response: { 200: ServiceEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, service_id } = request.params;
        return ok(presentService(await getService(deps, company_id, service_id)));
      },
    );
  }

  for (const url of ['/services/:company_id', '/locations/:company_id/services']) {
    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Create a service',
          security: userSecurity,
          params: CompanyParams,
          body: ServiceCreateBody,
          response: { 201: ServiceEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const body = request.body;
        const service = await namingDuration(body, () =>
          createService(deps, request.params.company_id, {
            ...toServiceFields(body),
            title: body.title,
          }),
        );
        return reply.status(201).send(ok(presentService(service)));
      },
    );
  }

  const writeUrls = [
    '/company/:company_id/services/:service_id',
    '/services/:company_id/:service_id',
    '/locations/:company_id/services/:service_id',
  ];
  for (const url of writeUrls) {
    for (const method of ['PATCH', 'PUT'] as const) {
      // PUT exists on the deprecated and canonical forms only; PATCH on all three.
      if (method === 'PUT' && url.startsWith('/company/')) continue;
      t.route({
        method,
        url,
        schema: {
          tags,
          summary: 'Update a service (partial; staff and resources replace their whole lists)',
          security: userSecurity,
          params: ServiceParams,
          body: ServiceUpdateBody,
          response: { 200: ServiceEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
        handler: async (request) => {
          const { company_id, service_id } = request.params;
          const body = request.body;
          const service = await namingDuration(body, () =>
            updateService(deps, company_id, service_id, toServiceFields(body)),
          );
          return ok(presentService(service));
        },
      });
    }
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete a service (soft: past appointments keep it)',
          security: userSecurity,
          params: ServiceParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        await deleteService(deps, request.params.company_id, request.params.service_id);
        return reply.status(204).send(null);
      },
    );
  }

  // The deprecated partner-only reads (same objects, `meta: []`).
  t.get(
    '/services/:company_id',
    {
      schema: {
        tags,
        summary: 'List services (deprecated partner-only form)',
        security: partnerSecurity,
        params: CompanyParams,
        querystring: ServicesQuery,
        response: { 200: PublicServiceListEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { staff_id, category_id } = request.query;
      const services = await listServices(deps, request.params.company_id, {
        ...(staff_id ? { staffId: staff_id } : {}),
        ...(category_id ? { categoryId: category_id } : {}),
      });
      return ok(services.map(presentService));
    },
  );
  t.get(
    '/services/:company_id/:service_id',
    {
      schema: {
        tags,
        summary: 'Get a service (deprecated partner-only form)',
        security: partnerSecurity,
        params: ServiceParams,
        response: { 200: ServiceEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { company_id, service_id } = request.params;
      return ok(presentService(await getService(deps, company_id, service_id)));
    },
  );
}
