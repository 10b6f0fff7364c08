import {
  ChainClientsEnvelope,
  ChainClientsQuery,
  ChainParams,
  ClientCategoryBody,
  ClientCategoryEnvelope,
  ClientCategoryListEnvelope,
  ClientParams,
  ClientVisitsQuery,
  errorResponses,
  RecordListEnvelope,
} from '@visita/contracts';
import {
  createClientCategory,
  DomainError,
  findChainClients,
  listClientCategories,
  listClientVisits,
  requireRightInChain,
} from '@visita/core';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight, requireUser } from '../../../plugins/auth';
import { presentClientCategory } from '../../../presenters/client';
import { presentRecord } from '../../../presenters/record';
import { CompanyParams, listMeta, ok, typed, userSecurity } from '../../typed';

const tags = ['Clients'];

/**
 * Chain-wide reads need `clients:read` granted on the whole chain (a grant on one location
 * does not reveal the chain's other clients): 401 without a user, 404 unknown chain, 403.
 */
function needsChainClientsRead(deps: ServerDeps): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = requireUser(request);
    const chainId = Number((request.params as Record<string, string>).group_id);
    if (!Number.isInteger(chainId) || chainId <= 0 || chainId > 2147483647)
      throw new DomainError('bad_request', 'group_id must be a positive integer', 'group_id');
    await requireRightInChain(
      { uow: deps.read },
      { userId: user.id, chainId, right: 'clients:read' },
    );
  };
}

/** Visit history, the chain lookup by phone and client categories ("labels"). */
export function clientHistoryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const reads = { ...deps, uow: deps.read };

  for (const url of [
    '/client/:company_id/:client_id/visits',
    '/locations/:company_id/clients/:client_id/visits',
  ])
    t.get(
      url,
      {
        schema: {
          tags,
          summary: "A client's appointments: upcoming, past, canceled or all (Visita path)",
          security: userSecurity,
          params: ClientParams,
          querystring: ClientVisitsQuery,
          response: { 200: RecordListEnvelope, ...errorResponses },
        },
        preHandler: needsRight(deps.db, 'clients:read'),
      },
      async (request) => {
        const { company_id, client_id } = request.params;
        const q = request.query;
        const page = { page: q.page ?? 1, count: q.count ?? 25 };
        const result = await listClientVisits(
          reads,
          company_id,
          client_id,
          q.status ?? 'all',
          page,
        );
        return ok(result.items.map(presentRecord), listMeta(result.total, page.page));
      },
    );

  for (const url of ['/group/:group_id/clients', '/chains/:group_id/clients'])
    t.get(
      url,
      {
        schema: {
          tags,
          summary: "A chain client by phone: that phone's clients at the chain's locations",
          security: userSecurity,
          params: ChainParams,
          querystring: ChainClientsQuery,
          response: { 200: ChainClientsEnvelope, ...errorResponses },
        },
        preHandler: needsChainClientsRead(deps),
      },
      async (request) => {
        const chainId = request.params.group_id;
        const found = await findChainClients(reads, chainId, request.query.phone);
        return ok({
          salon_group_id: chainId,
          phone: found.phone,
          clients: found.clients.map((c) => ({
            id: c.id,
            company_id: c.locationId,
            name: c.name,
            email: c.email,
          })),
        });
      },
    );

  t.get(
    '/labels/:company_id/clients',
    {
      schema: {
        tags,
        summary: 'List client categories',
        security: userSecurity,
        params: CompanyParams,
        response: { 200: ClientCategoryListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const categories = await listClientCategories(reads, request.params.company_id);
      return ok(categories.map(presentClientCategory), listMeta(categories.length, 1));
    },
  );

  t.post(
    '/labels/:company_id/clients/create',
    {
      schema: {
        tags,
        summary: 'Create a client category (200, as the contract documents)',
        security: userSecurity,
        params: CompanyParams,
        body: ClientCategoryBody,
        response: { 200: ClientCategoryEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request) => {
      const category = await createClientCategory(deps, request.params.company_id, request.body);
      return ok(presentClientCategory(category));
    },
  );
}
