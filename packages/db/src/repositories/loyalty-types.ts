import {
  toCents,
  type CertificateType,
  type CertificateTypeInput,
  type LoyaltyTypesRepo,
  type MembershipType,
  type MembershipTypeInput,
  type PeriodUnit,
} from '@visita/core';
import type { Queryable } from '../db';
import { loyaltyCardTypeMethods } from './loyalty-card-types';

interface MembershipTypeRow {
  id: number;
  chain_id: number;
  title: string;
  visits: number | null;
  service_ids: number[];
  category_ids: number[];
  period: number;
  period_unit_id: number;
  allow_freeze: boolean;
  freeze_limit: number;
  price: number;
  location_ids: number[];
  online_sale_enabled: boolean;
  online_sale_title: string;
  online_sale_description: string;
  online_sale_price: number;
  image_key: string | null;
  issued: number;
}

interface CertificateTypeRow {
  id: number;
  chain_id: number;
  title: string;
  balance: number;
  is_multi: boolean;
  item_type_id: number;
  category_id: number | null;
  service_ids: number[];
  location_ids: number[];
  expiration_type_id: number;
  expiration_date: Date | null;
  expiration_timeout: number | null;
  expiration_timeout_unit_id: number | null;
  balance_edit_type_id: number;
  is_allow_empty_code: boolean;
  online_sale_enabled: boolean;
  online_sale_title: string;
  online_sale_description: string;
  online_sale_price: number;
  image_key: string | null;
  weight: number;
  issued: number;
}

const membershipType = (r: MembershipTypeRow): MembershipType => ({
  id: r.id,
  chainId: r.chain_id,
  title: r.title,
  visits: r.visits,
  serviceIds: r.service_ids,
  categoryIds: r.category_ids,
  period: r.period,
  periodUnitId: r.period_unit_id as PeriodUnit,
  allowFreeze: r.allow_freeze,
  freezeLimitDays: r.freeze_limit,
  priceCents: toCents(r.price),
  locationIds: r.location_ids,
  onlineSale: {
    enabled: r.online_sale_enabled,
    title: r.online_sale_title,
    description: r.online_sale_description,
    priceCents: toCents(r.online_sale_price),
  },
  imageKey: r.image_key,
  issuedCount: r.issued,
});

const certificateType = (r: CertificateTypeRow): CertificateType => ({
  id: r.id,
  chainId: r.chain_id,
  title: r.title,
  balanceCents: toCents(r.balance),
  isMulti: r.is_multi,
  itemTypeId: r.item_type_id as CertificateType['itemTypeId'],
  categoryId: r.category_id,
  serviceIds: r.service_ids,
  locationIds: r.location_ids,
  expiration: {
    typeId: r.expiration_type_id as 0 | 1 | 2,
    date: r.expiration_date ? r.expiration_date.getTime() : null,
    timeout: r.expiration_timeout,
    timeoutUnitId: r.expiration_timeout_unit_id as PeriodUnit | null,
  },
  balanceEditTypeId: r.balance_edit_type_id as 1 | 2,
  isAllowEmptyCode: r.is_allow_empty_code,
  onlineSale: {
    enabled: r.online_sale_enabled,
    title: r.online_sale_title,
    description: r.online_sale_description,
    priceCents: toCents(r.online_sale_price),
  },
  imageKey: r.image_key,
  weight: r.weight,
  issuedCount: r.issued,
});

const MT_SELECT = `SELECT t.*, (SELECT count(*)::int FROM memberships m WHERE m.type_id = t.id) AS issued
  FROM membership_types t`;
const CT_SELECT = `SELECT t.*, (SELECT count(*)::int FROM certificates c WHERE c.type_id = t.id) AS issued
  FROM certificate_types t`;

const membershipParams = (i: MembershipTypeInput) => [
  i.title,
  i.visits,
  i.serviceIds,
  i.categoryIds,
  i.period,
  i.periodUnitId,
  i.allowFreeze,
  i.freezeLimitDays,
  i.priceCents / 100,
  i.locationIds,
  i.onlineSale.enabled,
  i.onlineSale.title,
  i.onlineSale.description,
  i.onlineSale.priceCents / 100,
];

const certificateParams = (i: CertificateTypeInput) => [
  i.title,
  i.balanceCents / 100,
  i.isMulti,
  i.itemTypeId,
  i.categoryId,
  i.serviceIds,
  i.locationIds,
  i.expiration.typeId,
  i.expiration.date === null ? null : new Date(i.expiration.date),
  i.expiration.timeout,
  i.expiration.timeoutUnitId,
  i.balanceEditTypeId,
  i.isAllowEmptyCode,
  i.onlineSale.enabled,
  i.onlineSale.title,
  i.onlineSale.description,
  i.onlineSale.priceCents / 100,
];

const CT_COLUMNS = `title, balance, is_multi, item_type_id, category_id, service_ids, location_ids,
  expiration_type_id, expiration_date, expiration_timeout, expiration_timeout_unit_id,
  balance_edit_type_id, is_allow_empty_code, online_sale_enabled, online_sale_title,
  online_sale_description, online_sale_price`;
const MT_COLUMNS = `title, visits, service_ids, category_ids, period, period_unit_id, allow_freeze,
  freeze_limit, price, location_ids, online_sale_enabled, online_sale_title,
  online_sale_description, online_sale_price`;
const setList = (columns: string, first: number) =>
  columns
    .split(',')
    .map((c, i) => `${c.trim()} = $${first + i}`)
    .join(', ');

export function loyaltyTypesRepo(q: Queryable): LoyaltyTypesRepo {
  const lockForChange = async (table: string, chainId: number, id: number) =>
    (
      await q.query(
        `SELECT id FROM ${table} WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE`,
        [chainId, id],
      )
    ).length > 0;
  const hasIssued = async (table: string, typeId: number) =>
    (await q.query(`SELECT 1 FROM ${table} WHERE type_id = $1 LIMIT 1`, [typeId])).length > 0;
  const findMembershipType = async (chainId: number, id: number) => {
    const rows = await q.query<MembershipTypeRow>(
      `${MT_SELECT} WHERE t.chain_id = $1 AND t.id = $2 AND t.deleted_at IS NULL`,
      [chainId, id],
    );
    return rows[0] ? membershipType(rows[0]) : null;
  };
  const findCertificateType = async (chainId: number, id: number) => {
    const rows = await q.query<CertificateTypeRow>(
      `${CT_SELECT} WHERE t.chain_id = $1 AND t.id = $2 AND t.deleted_at IS NULL`,
      [chainId, id],
    );
    return rows[0] ? certificateType(rows[0]) : null;
  };
  return {
    async listMembershipTypes(chainId) {
      const rows = await q.query<MembershipTypeRow>(
        `${MT_SELECT} WHERE t.chain_id = $1 AND t.deleted_at IS NULL ORDER BY t.id`,
        [chainId],
      );
      return rows.map(membershipType);
    },
    findMembershipType,
    async insertMembershipType(chainId, input) {
      const params = membershipParams(input);
      const rows = await q.query<{ id: number }>(
        `INSERT INTO membership_types(chain_id, ${MT_COLUMNS})
         VALUES ($1, ${params.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [chainId, ...params],
      );
      return (await findMembershipType(chainId, rows[0]!.id))!;
    },
    async updateMembershipType(chainId, id, input) {
      const rows = await q.query<{ id: number }>(
        `UPDATE membership_types SET ${setList(MT_COLUMNS, 3)}
          WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id`,
        [chainId, id, ...membershipParams(input)],
      );
      return rows[0] ? findMembershipType(chainId, id) : null;
    },
    async deleteMembershipType(chainId, id) {
      if (!(await lockForChange('membership_types', chainId, id))) return false;
      if (await hasIssued('memberships', id)) return 'issued';
      await q.query('UPDATE membership_types SET deleted_at = now() WHERE id = $1', [id]);
      return true;
    },

    async listCertificateTypes(chainId) {
      const rows = await q.query<CertificateTypeRow>(
        `${CT_SELECT} WHERE t.chain_id = $1 AND t.deleted_at IS NULL ORDER BY t.weight, t.id`,
        [chainId],
      );
      return rows.map(certificateType);
    },
    findCertificateType,
    async insertCertificateType(chainId, input) {
      const params = certificateParams(input);
      const rows = await q.query<{ id: number }>(
        `INSERT INTO certificate_types(chain_id, ${CT_COLUMNS})
         VALUES ($1, ${params.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [chainId, ...params],
      );
      return (await findCertificateType(chainId, rows[0]!.id))!;
    },
    async updateCertificateType(chainId, id, input) {
      // Lock the type first (a sale holds FOR SHARE on it), then look for issued certificates
      // in a new statement, which sees every sale committed before the lock was granted.
      if (!(await lockForChange('certificate_types', chainId, id))) return null;
      if (await hasIssued('certificates', id)) return 'issued';
      await q.query(
        `UPDATE certificate_types SET ${setList(CT_COLUMNS, 3)} WHERE chain_id = $1 AND id = $2`,
        [chainId, id, ...certificateParams(input)],
      );
      return findCertificateType(chainId, id);
    },
    async deleteCertificateType(chainId, id) {
      if (!(await lockForChange('certificate_types', chainId, id))) return false;
      if (await hasIssued('certificates', id)) return 'issued';
      await q.query('UPDATE certificate_types SET deleted_at = now() WHERE id = $1', [id]);
      return true;
    },

    async lockTypeForIssue(kind, chainId, id) {
      const table = kind === 'membership' ? 'membership_types' : 'certificate_types';
      const rows = await q.query(
        `SELECT id FROM ${table} WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL FOR SHARE`,
        [chainId, id],
      );
      return rows.length > 0;
    },

    async setTypeImage(kind, chainId, id, key) {
      const table = kind === 'membership' ? 'membership_types' : 'certificate_types';
      const rows = await q.query<{ previous: string | null }>(
        `UPDATE ${table} t SET image_key = $3
           FROM (SELECT id, image_key AS previous FROM ${table}
                  WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE) old
          WHERE t.id = old.id RETURNING old.previous`,
        [chainId, id, key],
      );
      return rows[0] ? rows[0].previous : undefined;
    },

    ...loyaltyCardTypeMethods(q),
  };
}
