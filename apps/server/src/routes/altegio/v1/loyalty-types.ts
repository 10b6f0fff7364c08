import {
  DeletedEnvelope,
  CertificateTypeBody,
  CertificateTypeEnvelope,
  CertificateTypeListEnvelope,
  ChainParams,
  ChainTypeParams,
  errorResponses,
  MembershipTypeBody,
  MembershipTypeEnvelope,
  MembershipTypeListEnvelope,
  NoContent,
} from '@visita/contracts';
import {
  createCertificateType,
  createMembershipType,
  deleteCertificateType,
  deleteMembershipType,
  getCertificateType,
  getMembershipType,
  listCertificateTypes,
  listMembershipTypes,
  updateCertificateType,
  updateMembershipType,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsChainRight } from '../../../plugins/chain-access';
import { presentCertificateType, presentMembershipType } from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';
import { certificateTypeInput, membershipTypeInput } from './loyalty-bodies';

const tags = ['Loyalty: types'];
const security = userSecurity;
/** Chain-level membership, gift certificate and loyalty card types. */
export function loyaltyTypeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const read = needsChainRight(deps, 'catalog:read');
  const write = needsChainRight(deps, 'catalog:write');
  const url = deps.config.publicUrl;

  // Gift certificate types, exactly as the seed's contract.
  t.get(
    '/chain/:group_id/loyalty/certificate_types',
    {
      schema: {
        tags,
        summary: 'List certificate types of the chain',
        security,
        params: ChainParams,
        response: { 200: CertificateTypeListEnvelope, ...errorResponses },
      },
      preHandler: read,
    },
    async (request) => {
      const types = await listCertificateTypes(deps, request.params.group_id);
      return ok(
        types.map((x) => presentCertificateType(x, url)),
        { count: types.length },
      );
    },
  );
  t.post(
    '/chain/:group_id/loyalty/certificate_types',
    {
      schema: {
        tags,
        summary: 'Create a certificate type',
        security,
        params: ChainParams,
        body: CertificateTypeBody,
        response: { 201: CertificateTypeEnvelope, ...errorResponses },
      },
      preHandler: write,
    },
    async (request, reply) => {
      const type = await createCertificateType(
        deps,
        request.params.group_id,
        certificateTypeInput(request.body),
      );
      return reply.status(201).send(ok(presentCertificateType(type, url)));
    },
  );
  t.get(
    '/chain/:group_id/loyalty/certificate_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Get a certificate type',
        security,
        params: ChainTypeParams,
        response: { 200: CertificateTypeEnvelope, ...errorResponses },
      },
      preHandler: read,
    },
    async (request) =>
      ok(
        presentCertificateType(
          await getCertificateType(deps, request.params.group_id, request.params.type_id),
          url,
        ),
      ),
  );
  t.put(
    '/chain/:group_id/loyalty/certificate_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Update a certificate type (all fields; refused once certificates were issued)',
        description:
          'A type with issued certificates cannot be changed: 409 and nothing is written.',
        security,
        params: ChainTypeParams,
        body: CertificateTypeBody,
        response: { 200: CertificateTypeEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: write,
    },
    async (request) => {
      const { group_id, type_id } = request.params;
      return ok(
        presentCertificateType(
          await updateCertificateType(deps, group_id, type_id, certificateTypeInput(request.body)),
          url,
        ),
      );
    },
  );
  t.delete(
    '/chain/:group_id/loyalty/certificate_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Delete a certificate type (refused once certificates were issued)',
        security,
        params: ChainTypeParams,
        response: { 200: DeletedEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: write,
    },
    async (request) => {
      await deleteCertificateType(deps, request.params.group_id, request.params.type_id);
      return { success: true as const, data: null, meta: [] as never[] };
    },
  );

  // Membership (abonement) types.
  t.get(
    '/chain/:group_id/loyalty/abonement_types',
    {
      schema: {
        tags,
        summary: 'List membership types of the chain',
        security,
        params: ChainParams,
        response: { 200: MembershipTypeListEnvelope, ...errorResponses },
      },
      preHandler: read,
    },
    async (request) => {
      const types = await listMembershipTypes(deps, request.params.group_id);
      return ok(
        types.map((x) => presentMembershipType(x, url)),
        { count: types.length },
      );
    },
  );
  t.post(
    '/chain/:group_id/loyalty/abonement_types',
    {
      schema: {
        tags,
        summary: 'Create a membership type',
        security,
        params: ChainParams,
        body: MembershipTypeBody,
        response: { 201: MembershipTypeEnvelope, ...errorResponses },
      },
      preHandler: write,
    },
    async (request, reply) => {
      const type = await createMembershipType(
        deps,
        request.params.group_id,
        membershipTypeInput(request.body),
      );
      return reply.status(201).send(ok(presentMembershipType(type, url)));
    },
  );
  t.get(
    '/chain/:group_id/loyalty/abonement_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Get a membership type',
        security,
        params: ChainTypeParams,
        response: { 200: MembershipTypeEnvelope, ...errorResponses },
      },
      preHandler: read,
    },
    async (request) =>
      ok(
        presentMembershipType(
          await getMembershipType(deps, request.params.group_id, request.params.type_id),
          url,
        ),
      ),
  );
  t.put(
    '/chain/:group_id/loyalty/abonement_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Update a membership type',
        description: 'Issued memberships keep their visit count and end date.',
        security,
        params: ChainTypeParams,
        body: MembershipTypeBody,
        response: { 201: MembershipTypeEnvelope, ...errorResponses },
      },
      preHandler: write,
    },
    async (request, reply) => {
      const { group_id, type_id } = request.params;
      const type = await updateMembershipType(
        deps,
        group_id,
        type_id,
        membershipTypeInput(request.body),
      );
      return reply.status(201).send(ok(presentMembershipType(type, url)));
    },
  );
  t.delete(
    '/chain/:group_id/loyalty/abonement_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Delete a membership type (refused once memberships were issued)',
        security,
        params: ChainTypeParams,
        response: { 204: NoContent, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: write,
    },
    async (request, reply) => {
      await deleteMembershipType(deps, request.params.group_id, request.params.type_id);
      return reply.status(204).send(null);
    },
  );
}
