import {
  CardCreateBody,
  CardLookupParams,
  CardTypeListEnvelope,
  ChainCardParams,
  ChainParams,
  ClientCardsParams,
  CompanyCardParams,
  errorResponses,
  LoyaltyCardEnvelope,
  LoyaltyCardListEnvelope,
  ManualTransactionBody,
  NoContent,
  TransactionListEnvelope,
  TransactionQuery,
} from '@visita/contracts';
import {
  addManualCardTransaction,
  deleteLoyaltyCard,
  findClientInstruments,
  fromCents,
  isoWithOffset,
  issueLoyaltyCard,
  listCardTransactions,
  normalizePhone,
  notFound,
  toCents,
  type CardView,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { accessDenied, needsRight, pathIdOf } from '../../../plugins/auth';
import { needsChainRight, needsLocationRight } from '../../../plugins/chain-access';
import { presentCardType, presentLoyaltyCard } from '../../../presenters/loyalty';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: cards and visit payment'];
const security = userSecurity;

/** Loyalty cards (contract §3.h) and their transactions. */
export function loyaltyCardRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const chainOfLocation = async (locationId: number) => {
    const loc = await deps.read((r) => r.chainScope.findLocationChain(locationId));
    if (!loc) throw notFound('Location');
    return loc.chainId;
  };
  const cardsOf = async (
    chainId: number,
    phone: string,
    locationId?: number,
  ): Promise<CardView[]> =>
    (
      await findClientInstruments(
        deps,
        { phone, chainId, ...(locationId ? { locationId } : {}) },
        { cards: true },
      )
    ).cards;

  t.get(
    '/loyalty/cards/:phone/:group_id/:company_id',
    {
      schema: {
        tags,
        summary: "A client's loyalty cards in a chain, by phone",
        security,
        params: CardLookupParams,
        response: { 200: LoyaltyCardListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const { phone, group_id, company_id } = request.params;
      if ((await chainOfLocation(company_id)) !== group_id) throw accessDenied();
      const cards = await cardsOf(group_id, normalizePhone(phone), company_id);
      return ok(cards.map(presentLoyaltyCard), { count: cards.length });
    },
  );

  t.get(
    '/loyalty/client_cards/:client_id',
    {
      schema: {
        tags,
        summary: "A client card's loyalty cards",
        security,
        params: ClientCardsParams,
        response: { 200: LoyaltyCardListEnvelope, ...errorResponses },
      },
      preHandler: needsLocationRight(deps, 'clients:read', async (r) => {
        const id = pathIdOf(r, 'client_id');
        const client = await deps.read((repos) => repos.chainScope.findClientPhone(id));
        if (!client) throw notFound('Client');
        return client.locationId;
      }),
    },
    async (request) => {
      const client = (await deps.read((r) =>
        r.chainScope.findClientPhone(request.params.client_id),
      ))!;
      const cards = await cardsOf(client.chainId, client.phone, client.locationId);
      return ok(cards.map(presentLoyaltyCard), { count: cards.length });
    },
  );

  t.post(
    '/loyalty/cards/:company_id',
    {
      schema: {
        tags,
        summary: 'Issue a loyalty card to a client',
        security,
        params: CompanyParams,
        body: CardCreateBody,
        response: { 201: LoyaltyCardEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request, reply) => {
      const card = await issueLoyaltyCard(deps, request.params.company_id, {
        number: request.body.loyalty_card_number,
        typeId: request.body.loyalty_card_type_id,
        phone: String(request.body.phone),
      });
      const [view] = (await cardsOf(card.chainId, card.phone)).filter((v) => v.card.id === card.id);
      return reply.status(201).send(ok(presentLoyaltyCard(view!)));
    },
  );

  t.delete(
    '/loyalty/cards/:company_id/:card_id',
    {
      schema: {
        tags,
        summary: 'Delete a loyalty card',
        security,
        params: CompanyCardParams,
        response: { 204: NoContent, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request, reply) => {
      await deleteLoyaltyCard(
        deps,
        await chainOfLocation(request.params.company_id),
        request.params.card_id,
      );
      return reply.status(204).send(null);
    },
  );

  t.get(
    '/loyalty/card_types/salon/:company_id',
    {
      schema: {
        tags,
        summary: 'Card types issued at a location',
        security,
        params: CompanyParams,
        response: { 200: CardTypeListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const locationId = request.params.company_id;
      const types = (
        await deps.read(async (r) =>
          r.loyaltyTypes.listCardTypes(await chainOfLocation(locationId)),
        )
      ).filter((x) => x.locationIds.length === 0 || x.locationIds.includes(locationId));
      return ok(types.map(presentCardType), { count: types.length });
    },
  );

  const manual = async (
    chainId: number,
    locationId: number,
    cardId: number,
    body: { amount: number; title?: string | undefined },
  ) => {
    await addManualCardTransaction(deps, chainId, locationId, cardId, {
      amountCents: toCents(body.amount),
      comment: body.title ?? '',
    });
    const card = (await deps.read((r) => r.loyaltyCards.findCard(chainId, cardId)))!;
    const [view] = (await cardsOf(chainId, card.phone)).filter((v) => v.card.id === cardId);
    return ok(presentLoyaltyCard(view!));
  };
  t.post(
    '/company/:company_id/loyalty/cards/:card_id/manual_transaction',
    {
      schema: {
        tags,
        summary: 'Add or take bonus manually (never below zero)',
        security,
        params: CompanyCardParams,
        body: ManualTransactionBody,
        response: { 200: LoyaltyCardEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request) => {
      const { company_id, card_id } = request.params;
      return manual(await chainOfLocation(company_id), company_id, card_id, request.body);
    },
  );
  t.post(
    '/chain/:group_id/loyalty/cards/:card_id/manual_transaction',
    {
      schema: {
        tags,
        summary: 'Add or take bonus manually, chain level',
        security,
        params: ChainCardParams,
        body: ManualTransactionBody,
        response: { 200: LoyaltyCardEnvelope, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'clients:write'),
    },
    async (request) => {
      const { group_id, card_id } = request.params;
      const main = (await deps.read((r) => r.chainScope.findChainLocations(group_id)))[0];
      if (!main) throw notFound('Location');
      return manual(group_id, main.id, card_id, request.body);
    },
  );

  t.get(
    '/chain/:group_id/loyalty/transactions',
    {
      schema: {
        tags,
        summary: 'Loyalty card transactions of the chain',
        security,
        params: ChainParams,
        querystring: TransactionQuery,
        response: { 200: TransactionListEnvelope, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'clients:read'),
    },
    async (request) => {
      const list = await listCardTransactions(deps, request.params.group_id, {
        ...(request.query.card_id ? { cardId: request.query.card_id } : {}),
      });
      const data = list.map((x) => ({
        id: x.id,
        card_id: x.cardId,
        program_id: x.programId,
        visit_id: x.recordId,
        record_id: x.recordId,
        company_id: x.locationId,
        type: x.kind,
        amount: fromCents(x.amountCents),
        title: x.comment,
        created_date: isoWithOffset(x.createdAt, 'UTC'),
      }));
      return ok(data, { count: data.length });
    },
  );
}
