import type { Chain, Location, LocationFilter, LocationInput, LocationsRepo } from '@visita/core';
import type { Queryable } from '../db';
import { buildSet, offsetOf } from './sql';

const COLUMNS: Record<keyof LocationInput, string> = {
  chainId: 'chain_id',
  title: 'title',
  shortDescr: 'short_descr',
  description: 'description',
  country: 'country',
  city: 'city',
  address: 'address',
  zip: 'zip',
  coordinateLat: 'coordinate_lat',
  coordinateLon: 'coordinate_lon',
  timezone: 'timezone',
  phone: 'phone',
  phones: 'phones',
  email: 'email',
  site: 'site',
  social: 'social',
  schedule: 'schedule',
  logo: 'logo',
  currency: 'currency',
  active: 'active',
  phoneConfirmation: 'phone_confirmation',
};

type LocationRow = Record<string, unknown>;

export function toLocation(row: LocationRow): Location {
  return {
    id: row.id as number,
    chainId: row.chain_id as number,
    chainTitle: (row.chain_title as string | undefined) ?? '',
    title: row.title as string,
    shortDescr: row.short_descr as string,
    description: row.description as string,
    country: row.country as string,
    city: row.city as string,
    address: row.address as string,
    zip: row.zip as string,
    coordinateLat: row.coordinate_lat as number | null,
    coordinateLon: row.coordinate_lon as number | null,
    timezone: row.timezone as string,
    phone: row.phone as string,
    phones: row.phones as string[],
    email: row.email as string,
    site: row.site as string,
    social: row.social as Record<string, string>,
    schedule: row.schedule as string,
    logo: row.logo as string,
    currency: row.currency as string,
    active: row.active as boolean,
    phoneConfirmation: row.phone_confirmation as boolean,
    promo:
      typeof row.promo_title === 'string'
        ? {
            title: row.promo_title,
            text: row.promo_text as string,
            linkUrl: row.promo_link_url as string | null,
          }
        : null,
    updatedAt: row.updated_at as Date,
  };
}

export function locationsRepo(q: Queryable): LocationsRepo {
  return {
    async findLocations(filter: LocationFilter, page) {
      const where = ['l.deleted_at IS NULL'];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (filter.ids?.length) add('l.id = ANY(?)', filter.ids);
      if (filter.chainId !== undefined) add('l.chain_id = ?', filter.chainId);
      if (filter.active !== undefined) add('l.active = ?', filter.active);
      if (filter.accessibleToUserId !== undefined)
        add(
          'EXISTS (SELECT 1 FROM user_access a WHERE a.user_id = ? AND (a.location_id = l.id OR a.chain_id = l.chain_id))',
          filter.accessibleToUserId,
        );
      const whereSql = where.join(' AND ');
      const [countRow] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM locations l WHERE ${whereSql}`,
        params,
      );
      const rows = await q.query<LocationRow>(
        `SELECT l.*, c.title AS chain_title FROM locations l JOIN chains c ON c.id = l.chain_id WHERE ${whereSql} ORDER BY l.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.count, offsetOf(page)],
      );
      return { items: rows.map(toLocation), total: countRow?.n ?? 0 };
    },
    async findLocation(id) {
      const rows = await q.query<LocationRow>(
        `SELECT l.*, c.title AS chain_title FROM locations l JOIN chains c ON c.id = l.chain_id
          WHERE l.id = $1 AND l.deleted_at IS NULL`,
        [id],
      );
      return rows[0] ? toLocation(rows[0]) : null;
    },
    async insertLocation(input) {
      const keys = Object.keys(COLUMNS) as (keyof LocationInput)[];
      const params = keys.map((k) => (k === 'social' ? JSON.stringify(input[k]) : input[k]));
      const rows = await q.query<LocationRow>(
        `INSERT INTO locations(${keys.map((k) => COLUMNS[k]).join(', ')})
         VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        params,
      );
      return (await this.findLocation(rows[0]!.id as number))!;
    },
    async updateLocation(id, patch) {
      const set = buildSet(patch, COLUMNS, 2);
      const rows = await q.query<LocationRow>(
        `UPDATE locations SET ${set.sql ? set.sql + ', ' : ''}updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
        [id, ...set.params],
      );
      return rows[0] ? this.findLocation(rows[0].id as number) : null;
    },
    async softDeleteLocation(id) {
      const rows = await q.query(
        'UPDATE locations SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
        [id],
      );
      return rows.length > 0;
    },
    async saveLocationPromo(id, promo) {
      const rows = await q.query<LocationRow>(
        `UPDATE locations SET promo_title = $2, promo_text = $3, promo_link_url = $4, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
        [id, promo?.title ?? null, promo?.text ?? '', promo?.linkUrl ?? null],
      );
      return rows[0] ? this.findLocation(id) : null;
    },
    async findChain(id): Promise<Chain | null> {
      const rows = await q.query<Chain>('SELECT id, title FROM chains WHERE id = $1', [id]);
      return rows[0] ?? null;
    },
    async insertChain(title) {
      const rows = await q.query<Chain>(
        'INSERT INTO chains(title) VALUES ($1) RETURNING id, title',
        [title],
      );
      return rows[0]!;
    },
  };
}
