import {
  errorResponses,
  NoContent,
  PublicServiceCategoryListEnvelope,
  ServiceCategoriesQuery,
  ServiceCategoryCreateBody,
  ServiceCategoryEnvelope,
  ServiceCategoryListEnvelope,
  ServiceCategoryParams,
  ServiceCategoryUpdateBody,
} from '@visita/contracts';
import {
  createServiceCategory,
  deleteServiceCategory,
  getServiceCategory,
  listServiceCategories,
  updateServiceCategory,
  type ServiceCategoryFields,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner, needsRight } from '../../../plugins/auth';
import { presentServiceCategory } from '../../../presenters/service';
import { CompanyParams, listMeta, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Service categories'];

/** `staff` is accepted but not stored: a category's members follow from its services. */
function toCategoryFields(body: {
  title?: string;
  api_id?: string | null;
  weight?: number;
}): Partial<ServiceCategoryFields> {
  const patch: Partial<ServiceCategoryFields> = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.api_id !== undefined) patch.apiId = body.api_id || null;
  if (body.weight !== undefined) patch.weight = body.weight;
  return patch;
}

export function serviceCategoryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'catalog:read');
  const canWrite = needsRight(deps.db, 'catalog:write');

  for (const base of [
    '/company/:company_id/service_categories',
    '/locations/:company_id/service_categories',
  ]) {
    // Category `0` is the root level: its children are every category (there is one level).
    for (const url of [base, `${base}/0`])
      t.get(
        url,
        {
          schema: {
            tags,
            summary: 'List service categories (filter: staff_id)',
            security: userSecurity,
            params: CompanyParams,
            querystring: ServiceCategoriesQuery,
            response: { 200: ServiceCategoryListEnvelope, ...errorResponses },
          },
          preHandler: canRead,
        },
        async (request) => {
          const { staff_id } = request.query;
          const categories = await listServiceCategories(
            deps,
            request.params.company_id,
            staff_id ? { staffId: staff_id } : {},
          );
          return ok(categories.map(presentServiceCategory), listMeta(categories.length));
        },
      );
    t.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Get a service category',
          security: userSecurity,
          params: ServiceCategoryParams,
          response: { 200: ServiceCategoryEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, id } = request.params;
        return ok(presentServiceCategory(await getServiceCategory(deps, company_id, id)));
      },
    );
  }

  for (const url of [
    '/service_categories/:company_id',
    '/locations/:company_id/service_categories',
  ])
    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Create a service category',
          security: userSecurity,
          params: CompanyParams,
          body: ServiceCategoryCreateBody,
          response: { 201: ServiceCategoryEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const category = await createServiceCategory(deps, request.params.company_id, {
          ...toCategoryFields(request.body),
          title: request.body.title,
        });
        return reply.status(201).send(ok(presentServiceCategory(category)));
      },
    );

  for (const url of [
    '/service_category/:company_id/:id',
    '/locations/:company_id/service_categories/:id',
  ]) {
    for (const method of ['PUT', 'PATCH'] as const) {
      if (method === 'PATCH' && url.startsWith('/service_category/')) continue;
      t.route({
        method,
        url,
        schema: {
          tags,
          summary: 'Update a service category (partial)',
          security: userSecurity,
          params: ServiceCategoryParams,
          body: ServiceCategoryUpdateBody,
          response: { 200: ServiceCategoryEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
        handler: async (request) => {
          const { company_id, id } = request.params;
          const category = await updateServiceCategory(
            deps,
            company_id,
            id,
            toCategoryFields(request.body),
          );
          return ok(presentServiceCategory(category));
        },
      });
    }
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete an empty service category (409 while it holds services)',
          security: userSecurity,
          params: ServiceCategoryParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        await deleteServiceCategory(deps, request.params.company_id, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }

  // Partner-only reads: the current single form and the deprecated list/single form.
  for (const url of ['/service_category/:company_id/:id', '/service_categories/:company_id/:id'])
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Get a service category (partner-only form)',
          security: partnerSecurity,
          params: ServiceCategoryParams,
          response: { 200: ServiceCategoryEnvelope, ...errorResponses },
        },
        preHandler: needsPartner,
      },
      async (request) => {
        const { company_id, id } = request.params;
        return ok(presentServiceCategory(await getServiceCategory(deps, company_id, id)));
      },
    );
  for (const url of ['/service_categories/:company_id', '/service_categories/:company_id/0'])
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'List service categories (deprecated partner-only form)',
          security: partnerSecurity,
          params: CompanyParams,
          querystring: ServiceCategoriesQuery,
          response: { 200: PublicServiceCategoryListEnvelope, ...errorResponses },
        },
        preHandler: needsPartner,
      },
      async (request) => {
        const { staff_id } = request.query;
        const categories = await listServiceCategories(
          deps,
          request.params.company_id,
          staff_id ? { staffId: staff_id } : {},
        );
        return ok(categories.map(presentServiceCategory));
      },
    );
}
