import {
  AbonementEnvelope,
  AbonementListEnvelope,
  CertificateEnvelope,
  CertificateListEnvelope,
  ChainInstrumentQuery,
  ChainParams,
  errorResponses,
  InstrumentQuery,
  SellBody,
} from '@visita/contracts';
import {
  findClientInstruments,
  normalizePhone,
  sellCertificate,
  sellMembership,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { needsChainRight, needsLocationRight } from '../../../plugins/chain-access';
import {
  presentAbonement,
  presentAbonementView,
  presentCertificate,
  presentCertificateView,
} from '../../../presenters/loyalty';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: memberships and gift cards'];
const security = userSecurity;

/** B2B memberships (abonements) and gift certificates: reads by phone, desk sales. */
export function loyaltyInstrumentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const url = deps.config.publicUrl;
  const queryLocation = needsLocationRight(
    deps,
    'clients:read',
    (r) => (r.query as { company_id?: unknown }).company_id,
  );
  const now = () => deps.clock.now().getTime();
  const numbers = { ...deps, numbers: deps.loyalty.numbers };

  t.get(
    '/loyalty/abonements',
    {
      schema: {
        tags,
        summary: "A client's memberships valid at a location",
        security,
        querystring: InstrumentQuery,
        response: { 200: AbonementListEnvelope, ...errorResponses },
      },
      preHandler: queryLocation,
    },
    async (request) => {
      const { company_id, phone } = request.query;
      const loc = await deps.read((r) => r.chainScope.findLocationChain(company_id));
      const found = await findClientInstruments(
        deps,
        { phone: normalizePhone(phone), chainId: loc!.chainId, locationId: company_id },
        { memberships: true },
      );
      return ok(
        found.memberships.map((v) => presentAbonementView(v, now(), url)),
        { count: found.memberships.length },
      );
    },
  );

  t.get(
    '/loyalty/certificates',
    {
      schema: {
        tags,
        summary: "A client's gift certificates valid at a location",
        security,
        querystring: InstrumentQuery,
        response: { 200: CertificateListEnvelope, ...errorResponses },
      },
      preHandler: queryLocation,
    },
    async (request) => {
      const { company_id, phone } = request.query;
      const loc = await deps.read((r) => r.chainScope.findLocationChain(company_id));
      const found = await findClientInstruments(
        deps,
        { phone: normalizePhone(phone), chainId: loc!.chainId, locationId: company_id },
        { certificates: true },
      );
      return ok(
        found.certificates.map((v) => presentCertificateView(v, now(), url)),
        { count: found.certificates.length },
      );
    },
  );

  t.get(
    '/chain/:group_id/loyalty/abonements',
    {
      schema: {
        tags,
        summary: 'Memberships of the chain (optionally of one phone)',
        security,
        params: ChainParams,
        querystring: ChainInstrumentQuery,
        response: { 200: AbonementListEnvelope, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'clients:read'),
    },
    async (request) => {
      const chainId = request.params.group_id;
      const phone = request.query.phone;
      const list = await deps.read(async (r) => {
        const memberships = await r.memberships.listMemberships({
          chainId,
          ...(phone ? { phone: normalizePhone(phone) } : {}),
        });
        const locations = await r.chainScope.findChainLocations(chainId);
        return Promise.all(
          memberships.map(async (m) => {
            const type = (await r.loyaltyTypes.findMembershipType(chainId, m.typeId))!;
            const ids = type.locationIds.length ? type.locationIds : locations.map((l) => l.id);
            return presentAbonement(m, type, ids, now(), url);
          }),
        );
      });
      return ok(list, { count: list.length });
    },
  );

  t.post(
    '/company/:company_id/loyalty/abonements',
    {
      schema: {
        tags,
        summary: 'Sell a membership at the desk (Visita path)',
        security,
        params: CompanyParams,
        body: SellBody,
        response: { 201: AbonementEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request, reply) => {
      const m = await sellMembership(numbers, request.params.company_id, {
        typeId: request.body.type_id,
        phone: request.body.phone,
      });
      const type = (await deps.read((r) =>
        r.loyaltyTypes.findMembershipType(m.chainId, m.typeId),
      ))!;
      return reply.status(201).send(ok(presentAbonement(m, type, type.locationIds, now(), url)));
    },
  );

  t.post(
    '/company/:company_id/loyalty/certificates',
    {
      schema: {
        tags,
        summary: 'Sell a gift certificate at the desk (Visita path)',
        security,
        params: CompanyParams,
        body: SellBody,
        response: { 201: CertificateEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request, reply) => {
      const c = await sellCertificate(numbers, request.params.company_id, {
        typeId: request.body.type_id,
        phone: request.body.phone,
      });
      const type = (await deps.read((r) =>
        r.loyaltyTypes.findCertificateType(c.chainId, c.typeId),
      ))!;
      return reply.status(201).send(ok(presentCertificate(c, type, type.locationIds, now(), url)));
    },
  );
}
