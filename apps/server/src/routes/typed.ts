import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id } from '@visita/contracts';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

export function ok<T>(data: T): { success: true; data: T; meta: never[] };
export function ok<T, M>(data: T, meta: M): { success: true; data: T; meta: M };
export function ok(data: unknown, meta: unknown = []) {
  return { success: true as const, data, meta };
}

export const listMeta = (total: number, page?: number) =>
  page === undefined ? { total_count: total } : { page, total_count: total };

export const CompanyParams = Type.Object({ company_id: Id() });

export const partnerSecurity = [{ BearerPartner: [] }];
export const userSecurity = [{ BearerPartnerUser: [] }];
/** The client app's token on `/api/app/v1`: `Authorization: Bearer <client token>`. */
export const clientSecurity = [{ BearerClient: [] }];
