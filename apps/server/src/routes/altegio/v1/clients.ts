import {
  ClientCreateBody,
  ClientEnvelope,
  ClientListEnvelope,
  ClientParams,
  ClientSearchBody,
  ClientSearchEnvelope,
  ClientsQuery,
  ClientUpdateBody,
  errorResponses,
  NoContent,
} from '@visita/contracts';
import {
  createClient,
  deleteClient,
  getClient,
  listClients,
  searchClients,
  updateClient,
  type ChangeOrigin,
  type ClientCardInput,
  type ImportanceId,
  type SexId,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ServerDeps } from '../../../deps';
import { changeSourceOf, needsRight, requireUser } from '../../../plugins/auth';
import { presentClient, presentClientSearchItem } from '../../../presenters/client';
import { CompanyParams, listMeta, ok, typed, userSecurity } from '../../typed';

const tags = ['Clients'];

type CardBody = Static<typeof ClientCreateBody> | Static<typeof ClientUpdateBody>;

const flag = (value: boolean | number) => value === true || value === 1;

/** Wire body → domain card; only the keys present are carried. */
function toClientCard(body: CardBody): ClientCardInput {
  const card: ClientCardInput = { name: body.name, phone: body.phone };
  if (body.surname !== undefined) card.surname = body.surname;
  if (body.patronymic !== undefined) card.patronymic = body.patronymic;
  if (body.email !== undefined) card.email = body.email;
  if (body.sex_id !== undefined) card.sexId = body.sex_id as SexId;
  if (body.importance_id !== undefined) card.importanceId = body.importance_id as ImportanceId;
  if (body.discount !== undefined) card.discount = body.discount;
  if (body.card !== undefined) card.card = body.card;
  if (body.birth_date !== undefined) card.birthDate = body.birth_date;
  if (body.comment !== undefined) card.comment = body.comment;
  if (body.balance !== undefined) card.balance = body.balance;
  if (body.sms_check !== undefined) card.smsCheck = flag(body.sms_check);
  if (body.sms_not !== undefined) card.smsNot = flag(body.sms_not);
  if (body.custom_fields !== undefined)
    card.customFields = Array.isArray(body.custom_fields) ? {} : body.custom_fields;
  const categories = 'labels' in body ? (body.labels ?? body.categories) : body.categories;
  if (categories !== undefined) card.categoryIds = categories;
  return card;
}

/** Changes through this API are the integration's, made as the calling user. */
const originOf = (request: FastifyRequest): ChangeOrigin => ({
  source: changeSourceOf(request),
  userId: requireUser(request).id,
});

export function clientRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'clients:read');
  const canWrite = needsRight(deps.db, 'clients:write');
  const reads = { ...deps, uow: deps.read };

  for (const url of [
    '/company/:company_id/clients/search',
    '/locations/:company_id/clients/search',
  ])
    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Search clients (paging, fields, order, filters)',
          security: userSecurity,
          params: CompanyParams,
          body: ClientSearchBody,
          response: { 200: ClientSearchEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const b = request.body;
        const page = { page: b.page ?? 1, count: b.page_size ?? 25 };
        const result = await searchClients(reads, request.params.company_id, {
          page,
          ...(b.order_by ? { orderBy: b.order_by } : {}),
          ...(b.order_by_direction
            ? { direction: b.order_by_direction.toUpperCase() as 'ASC' | 'DESC' }
            : {}),
          ...(b.operation ? { operation: b.operation.toUpperCase() as 'AND' | 'OR' } : {}),
          filters: b.filters,
        });
        return ok(
          result.items.map((c) => presentClientSearchItem(c, b.fields)),
          { total_count: result.total },
        );
      },
    );

  for (const url of ['/clients/:company_id', '/locations/:company_id/clients']) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'List clients (deprecated; prefer the search)',
          security: userSecurity,
          params: CompanyParams,
          querystring: ClientsQuery,
          response: { 200: ClientListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const q = request.query;
        const page = { page: q.page ?? 1, count: q.count ?? 50 };
        const ids = [...(q.id ?? []), ...(q['id[]'] ?? [])];
        const result = await listClients(
          reads,
          request.params.company_id,
          {
            ...(q.fullname !== undefined ? { fullname: q.fullname } : {}),
            ...(q.phone !== undefined ? { phone: q.phone } : {}),
            ...(q.email !== undefined ? { email: q.email } : {}),
            ...(q.card !== undefined ? { card: q.card } : {}),
            ...(q.paid_min !== undefined ? { paidMin: q.paid_min } : {}),
            ...(q.paid_max !== undefined ? { paidMax: q.paid_max } : {}),
            ...(ids.length ? { ids } : {}),
            ...(q.changed_after ? { changedAfter: q.changed_after } : {}),
            ...(q.changed_before ? { changedBefore: q.changed_before } : {}),
          },
          page,
        );
        return ok(result.items.map(presentClient), listMeta(result.total, page.page));
      },
    );

    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Add a client (a phone a live client already has is 422)',
          security: userSecurity,
          params: CompanyParams,
          body: ClientCreateBody,
          response: { 201: ClientEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const card = toClientCard(request.body);
        if (request.body.spent !== undefined) card.openingSpent = request.body.spent;
        const created = await createClient(
          deps,
          request.params.company_id,
          card,
          originOf(request),
        );
        return reply.status(201).send(ok(presentClient(created)));
      },
    );
  }

  for (const url of [
    '/client/:company_id/:client_id',
    '/locations/:company_id/clients/:client_id',
  ]) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Get a client',
          security: userSecurity,
          params: ClientParams,
          response: { 200: ClientEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, client_id } = request.params;
        return ok(presentClient(await getClient(reads, company_id, client_id)));
      },
    );
    t.put(
      url,
      {
        schema: {
          tags,
          summary: 'Edit a client (absent optional fields keep their value)',
          security: userSecurity,
          params: ClientParams,
          body: ClientUpdateBody,
          response: { 200: ClientEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request) => {
        const { company_id, client_id } = request.params;
        const updated = await updateClient(
          deps,
          company_id,
          client_id,
          toClientCard(request.body),
          originOf(request),
        );
        return ok(presentClient(updated));
      },
    );
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete a client (soft; their appointments keep their history)',
          security: userSecurity,
          params: ClientParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { company_id, client_id } = request.params;
        await deleteClient(deps, company_id, client_id, originOf(request));
        return reply.status(204).send(null);
      },
    );
  }
}
