import type {
  ClientCardFields,
  ClientCategory,
  ClientPatch,
  ClientProfile,
  ClientsBaseRepo,
  CustomFieldValue,
  ImportanceId,
  SexId,
} from '@visita/core';
import { isPgError, PG, type Queryable } from '../db';
import { conditionSql, ORDER_SQL, sqlBuilder, statsJoin } from './client-search-sql';
import { offsetOf } from './sql';

type Row = Record<string, unknown>;

/** Card fields → columns; the whitelist of what an update may touch. */
const COLUMNS: Record<keyof ClientCardFields | 'phone', string> = {
  phone: 'phone',
  name: 'name',
  surname: 'surname',
  patronymic: 'patronymic',
  email: 'email',
  sexId: 'sex_id',
  importanceId: 'importance_id',
  discount: 'discount',
  card: 'card',
  birthDate: 'birth_date',
  comment: 'comment',
  smsCheck: 'sms_check',
  smsNot: 'sms_not',
  balance: 'balance',
  customFields: 'custom_fields',
};

const toCategory = (row: Row): ClientCategory => ({
  id: row.id as number,
  locationId: row.location_id as number,
  title: row.title as string,
  color: row.color as string,
});

function toProfile(row: Row, categories: ClientCategory[]): ClientProfile {
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    timeZone: row.location_timezone as string,
    phone: row.phone as string,
    name: row.name as string,
    surname: row.surname as string,
    patronymic: row.patronymic as string,
    email: row.email as string,
    sexId: row.sex_id as SexId,
    importanceId: row.importance_id as ImportanceId,
    discount: row.discount as number,
    card: row.card as string,
    birthDate: row.birth_date as string | null,
    comment: row.comment as string,
    smsCheck: row.sms_check as boolean,
    smsNot: row.sms_not as boolean,
    balance: row.balance as number,
    customFields: row.custom_fields as Record<string, CustomFieldValue>,
    hasApp: row.has_app as boolean,
    categories,
    visits: (row.st_visits as number | null) ?? 0,
    spent: (row.opening_spent as number) + ((row.st_sold as number | null) ?? 0),
    firstVisitAt: row.st_first_visit as Date | null,
    lastVisitAt: row.st_last_visit as Date | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  };
}

const PROFILE_SELECT = (asOfParam: string) => `
  SELECT c.*, loc.timezone AS location_timezone, st.visits AS st_visits, st.sold AS st_sold,
         st.first_visit AS st_first_visit, st.last_visit AS st_last_visit
    FROM clients c
    JOIN locations loc ON loc.id = c.location_id
    ${statsJoin(asOfParam)}`;

/** Whether a live app user has this phone: a client entered later is flagged right away. */
const HAS_APP = (phoneParam: string) =>
  `EXISTS (SELECT 1 FROM app_users u WHERE u.phone = ${phoneParam} AND u.deleted_at IS NULL)`;

export function clientsBaseRepo(q: Queryable): ClientsBaseRepo {
  async function withCategories(rows: Row[]): Promise<ClientProfile[]> {
    if (rows.length === 0) return [];
    const links = await q.query<Row>(
      `SELECT l.client_id, k.* FROM client_category_links l
         JOIN client_categories k ON k.id = l.category_id
        WHERE l.client_id = ANY($1::int[]) AND k.deleted_at IS NULL ORDER BY k.id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((row) =>
      toProfile(row, links.filter((l) => l.client_id === row.id).map(toCategory)),
    );
  }

  async function replaceCategories(clientId: number, ids: number[]): Promise<void> {
    await q.query('DELETE FROM client_category_links WHERE client_id = $1', [clientId]);
    if (ids.length)
      await q.query(
        `INSERT INTO client_category_links(client_id, category_id)
         SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
        [clientId, ids],
      );
  }

  return {
    async searchClients(locationId, search, page, asOf) {
      const b = sqlBuilder([locationId]);
      const conditions = search.conditions.map((c) => conditionSql(c, b));
      const joined = conditions.join(search.operation === 'OR' ? ' OR ' : ' AND ');
      const where = `c.location_id = $1 AND c.deleted_at IS NULL${joined ? ` AND (${joined})` : ''}`;
      const whereParams = [...b.params];
      const asOfParam = b.add(new Date(asOf));
      // The count needs the statistics only when a condition reads them.
      const [count] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM clients c ${b.usesStats ? statsJoin(asOfParam) : ''} WHERE ${where}`,
        b.usesStats ? b.params : whereParams,
      );
      const n = b.params.length;
      const dir = search.direction;
      const rows = await q.query<Row>(
        `${PROFILE_SELECT(asOfParam)} WHERE ${where}
          ORDER BY ${ORDER_SQL[search.orderBy]} ${dir} NULLS LAST, c.id
          LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...b.params, page.count, offsetOf(page)],
      );
      return { items: await withCategories(rows), total: count?.n ?? 0 };
    },

    async findClient(locationId, id, asOf) {
      const rows = await q.query<Row>(
        `${PROFILE_SELECT('$3')} WHERE c.id = $1 AND c.location_id = $2 AND c.deleted_at IS NULL`,
        [id, locationId, new Date(asOf)],
      );
      return (await withCategories(rows))[0] ?? null;
    },

    async insertClient(locationId, d) {
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO clients(location_id, phone, name, surname, patronymic, email, comment, sex_id,
           importance_id, discount, card, birth_date, sms_check, sms_not, opening_spent, balance,
           custom_fields, has_app)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, ${HAS_APP('$2')})
         ON CONFLICT (location_id, phone) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [
          locationId,
          d.phone,
          d.name,
          d.surname,
          d.patronymic,
          d.email,
          d.comment,
          d.sexId,
          d.importanceId,
          d.discount,
          d.card,
          d.birthDate,
          d.smsCheck,
          d.smsNot,
          d.openingSpent,
          d.balance,
          JSON.stringify(d.customFields),
        ],
      );
      if (!row) return null;
      await replaceCategories(row.id, d.categoryIds);
      return row.id;
    },

    async updateClient(locationId, id, patch: ClientPatch) {
      const params: unknown[] = [id, locationId];
      const sets = ['updated_at = now()'];
      for (const [key, column] of Object.entries(COLUMNS)) {
        const value = patch[key as keyof ClientPatch];
        if (value === undefined) continue;
        params.push(key === 'customFields' ? JSON.stringify(value) : value);
        sets.push(`${column} = $${params.length}`);
        // A new phone may belong to someone who already uses the app.
        if (key === 'phone') sets.push(`has_app = ${HAS_APP(`$${params.length}`)}`);
      }
      let updated: Row[];
      try {
        updated = await q.query<Row>(
          `UPDATE clients SET ${sets.join(', ')}
            WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
          params,
        );
      } catch (error) {
        // A concurrent write took the phone between the use case's check and this update.
        if (isPgError(error, PG.uniqueViolation)) return 'phone_taken';
        throw error;
      }
      if (updated.length === 0) return 'not_found';
      if (patch.categoryIds) await replaceCategories(id, patch.categoryIds);
      return 'updated';
    },

    async softDeleteClient(locationId, id) {
      const rows = await q.query(
        `UPDATE clients SET deleted_at = now(), updated_at = now()
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, locationId],
      );
      return rows.length > 0;
    },

    async findLiveClientIdByPhone(locationId, phone) {
      const [row] = await q.query<{ id: number }>(
        'SELECT id FROM clients WHERE location_id = $1 AND phone = $2 AND deleted_at IS NULL',
        [locationId, phone],
      );
      return row?.id ?? null;
    },

    async findChainClientsByPhone(chainId, phone) {
      const rows = await q.query<Row>(
        `SELECT c.id, c.location_id, c.name, c.surname, c.email, c.phone
           FROM clients c JOIN locations l ON l.id = c.location_id
          WHERE l.chain_id = $1 AND l.deleted_at IS NULL AND c.phone = $2 AND c.deleted_at IS NULL
          ORDER BY c.location_id, c.id`,
        [chainId, phone],
      );
      return rows.map((r) => ({
        id: r.id as number,
        locationId: r.location_id as number,
        name: r.name as string,
        surname: r.surname as string,
        email: r.email as string,
        phone: r.phone as string,
      }));
    },

    async findCategories(locationId, ids) {
      const rows = await q.query<Row>(
        `SELECT * FROM client_categories
          WHERE location_id = $1 AND deleted_at IS NULL ${ids ? 'AND id = ANY($2::int[])' : ''}
          ORDER BY id`,
        ids ? [locationId, ids] : [locationId],
      );
      return rows.map(toCategory);
    },

    async insertCategory(locationId, title, color) {
      const [row] = await q.query<Row>(
        'INSERT INTO client_categories(location_id, title, color) VALUES ($1, $2, $3) RETURNING *',
        [locationId, title, color],
      );
      return toCategory(row!);
    },
  };
}
