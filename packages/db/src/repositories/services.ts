import type {
  Service,
  ServiceCategory,
  ServiceCategoryInput,
  ServiceFilter,
  ServiceInput,
  ServicesRepo,
  ServiceStaffLink,
} from '@visita/core';
import type { Queryable } from '../db';
import { buildSet } from './sql';

type Row = Record<string, unknown>;

const SERVICE_COLUMNS: Partial<Record<keyof ServiceInput, string>> = {
  categoryId: 'category_id',
  title: 'title',
  comment: 'comment',
  priceMin: 'price_min',
  priceMax: 'price_max',
  discount: 'discount',
  durationSeconds: 'duration_seconds',
  onlineBookable: 'online_bookable',
  weight: 'weight',
  apiId: 'api_id',
};

const CATEGORY_COLUMNS: Record<keyof Omit<ServiceCategoryInput, 'locationId'>, string> = {
  title: 'title',
  weight: 'weight',
  apiId: 'api_id',
};

/** Links to deleted team members and deleted resources are left out: nobody can book them. */
const SERVICE_SELECT = `
  SELECT s.*,
    COALESCE((
      SELECT json_agg(json_build_object(
               'staff_id', ss.staff_id, 'duration_seconds', ss.duration_seconds, 'price', ss.price)
             ORDER BY ss.staff_id)
        FROM service_staff ss JOIN staff st ON st.id = ss.staff_id AND st.deleted_at IS NULL
       WHERE ss.service_id = s.id), '[]'::json) AS staff_links,
    COALESCE((
      SELECT array_agg(sr.resource_id ORDER BY sr.resource_id)
        FROM service_resources sr JOIN resources r ON r.id = sr.resource_id AND r.deleted_at IS NULL
       WHERE sr.service_id = s.id), '{}'::int[]) AS resource_ids
  FROM services s`;

interface LinkJson {
  staff_id: number;
  duration_seconds: number | null;
  price: number | string | null;
}

function toService(row: Row): Service {
  const links = row.staff_links as LinkJson[];
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    categoryId: row.category_id as number | null,
    title: row.title as string,
    comment: row.comment as string,
    priceMin: row.price_min as number,
    priceMax: row.price_max as number,
    discount: row.discount as number,
    durationSeconds: row.duration_seconds as number,
    onlineBookable: row.online_bookable as boolean,
    weight: row.weight as number,
    apiId: row.api_id as string | null,
    staff: links.map((l) => ({
      staffId: l.staff_id,
      durationSeconds: l.duration_seconds,
      price: l.price === null ? null : Number(l.price),
    })),
    resourceIds: row.resource_ids as number[],
  };
}

function toCategory(row: Row): ServiceCategory {
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    title: row.title as string,
    weight: row.weight as number,
    apiId: row.api_id as string | null,
    staffIds: row.staff_ids as number[],
  };
}

export function servicesRepo(q: Queryable): ServicesRepo {
  async function replaceLinks(serviceId: number, staff: ServiceStaffLink[]): Promise<void> {
    await q.query('DELETE FROM service_staff WHERE service_id = $1', [serviceId]);
    for (const link of staff) await setLink(serviceId, link);
  }

  async function replaceResources(serviceId: number, resourceIds: number[]): Promise<void> {
    await q.query('DELETE FROM service_resources WHERE service_id = $1', [serviceId]);
    await q.query(
      'INSERT INTO service_resources(service_id, resource_id) SELECT $1, unnest($2::int[])',
      [serviceId, resourceIds],
    );
  }

  async function setLink(serviceId: number, link: ServiceStaffLink): Promise<void> {
    await q.query(
      `INSERT INTO service_staff(service_id, staff_id, duration_seconds, price) VALUES ($1, $2, $3, $4)
       ON CONFLICT (service_id, staff_id)
       DO UPDATE SET duration_seconds = EXCLUDED.duration_seconds, price = EXCLUDED.price`,
      [serviceId, link.staffId, link.durationSeconds, link.price],
    );
  }

  async function findServices(locationId: number, filter: ServiceFilter): Promise<Service[]> {
    const where = ['s.location_id = $1', 's.deleted_at IS NULL'];
    const params: unknown[] = [locationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.ids) add('s.id = ANY(?)', filter.ids);
    if (filter.categoryId !== undefined) add('s.category_id = ?', filter.categoryId);
    if (filter.staffId !== undefined)
      add(
        `EXISTS (SELECT 1 FROM service_staff ss WHERE ss.service_id = s.id AND ss.staff_id = ?)`,
        filter.staffId,
      );
    if (filter.resourceId !== undefined)
      add(
        `EXISTS (SELECT 1 FROM service_resources sr WHERE sr.service_id = s.id AND sr.resource_id = ?)`,
        filter.resourceId,
      );
    if (filter.onlineOnly) where.push('s.online_bookable');
    const rows = await q.query<Row>(
      `${SERVICE_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.weight DESC, s.id`,
      params,
    );
    return rows.map(toService);
  }

  async function findServiceCategories(
    locationId: number,
    ids?: number[],
    filter: { staffId?: number } = {},
  ): Promise<ServiceCategory[]> {
    const params: unknown[] = [locationId];
    const where = ['c.location_id = $1', 'c.deleted_at IS NULL'];
    if (ids) {
      params.push(ids);
      where.push(`c.id = ANY($${params.length})`);
    }
    if (filter.staffId !== undefined) {
      params.push(filter.staffId);
      where.push(`EXISTS (SELECT 1 FROM service_staff ss JOIN services s ON s.id = ss.service_id
        WHERE s.category_id = c.id AND s.deleted_at IS NULL AND ss.staff_id = $${params.length})`);
    }
    const rows = await q.query<Row>(
      `SELECT c.*, COALESCE((
          SELECT array_agg(DISTINCT ss.staff_id ORDER BY ss.staff_id)
            FROM service_staff ss
            JOIN services s ON s.id = ss.service_id AND s.deleted_at IS NULL
            JOIN staff st ON st.id = ss.staff_id AND st.deleted_at IS NULL
           WHERE s.category_id = c.id), '{}'::int[]) AS staff_ids
         FROM service_categories c WHERE ${where.join(' AND ')} ORDER BY c.weight DESC, c.id`,
      params,
    );
    return rows.map(toCategory);
  }

  return {
    findServiceCategories,
    async insertServiceCategory(input) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO service_categories(location_id, title, weight, api_id)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.locationId, input.title, input.weight, input.apiId],
      );
      const [created] = await findServiceCategories(input.locationId, [rows[0]!.id]);
      return created!;
    },
    async updateServiceCategory(locationId, id, patch) {
      const set = buildSet(patch, CATEGORY_COLUMNS, 3);
      const rows = set.sql
        ? await q.query(
            `UPDATE service_categories SET ${set.sql}
              WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
            [id, locationId, ...set.params],
          )
        : await findServiceCategories(locationId, [id]);
      if (rows.length === 0) return null;
      const [updated] = await findServiceCategories(locationId, [id]);
      return updated ?? null;
    },
    async softDeleteServiceCategory(locationId, id) {
      const rows = await q.query(
        `UPDATE service_categories SET deleted_at = now()
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, locationId],
      );
      return rows.length > 0;
    },
    findServices,
    async insertService(input) {
      const keys = Object.keys(SERVICE_COLUMNS) as (keyof ServiceInput)[];
      const rows = await q.query<{ id: number }>(
        `INSERT INTO services(location_id, ${keys.map((k) => SERVICE_COLUMNS[k]).join(', ')})
         VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [input.locationId, ...keys.map((k) => input[k])],
      );
      const id = rows[0]!.id;
      await replaceLinks(id, input.staff);
      await replaceResources(id, input.resourceIds);
      const [created] = await findServices(input.locationId, { ids: [id] });
      return created!;
    },
    async updateService(locationId, id, patch) {
      const exists = await q.query(
        'SELECT id FROM services WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL FOR UPDATE',
        [id, locationId],
      );
      if (exists.length === 0) return null;
      const set = buildSet(patch, SERVICE_COLUMNS, 2);
      if (set.sql)
        await q.query(`UPDATE services SET ${set.sql} WHERE id = $1`, [id, ...set.params]);
      if (patch.staff) await replaceLinks(id, patch.staff);
      if (patch.resourceIds) await replaceResources(id, patch.resourceIds);
      const [updated] = await findServices(locationId, { ids: [id] });
      return updated ?? null;
    },
    async softDeleteService(locationId, id) {
      const rows = await q.query(
        `UPDATE services SET deleted_at = now()
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, locationId],
      );
      return rows.length > 0;
    },
    setServiceStaffLink: setLink,
    async deleteServiceStaffLink(serviceId, staffId) {
      const rows = await q.query(
        'DELETE FROM service_staff WHERE service_id = $1 AND staff_id = $2 RETURNING service_id',
        [serviceId, staffId],
      );
      return rows.length > 0;
    },
    async findLinkableStaffIds(locationId, ids) {
      const rows = await q.query<{ id: number }>(
        'SELECT id FROM staff WHERE location_id = $1 AND id = ANY($2) AND deleted_at IS NULL',
        [locationId, ids],
      );
      return rows.map((r) => r.id);
    },
  };
}
