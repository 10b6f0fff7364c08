import type { Resource, ResourcesRepo } from '@visita/core';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

function toResource(row: Row): Resource {
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    title: row.title as string,
    description: row.description as string,
    instances: row.instances as { id: number; title: string }[],
  };
}

export function resourcesRepo(q: Queryable): ResourcesRepo {
  async function findResources(locationId: number, ids?: number[]): Promise<Resource[]> {
    const rows = await q.query<Row>(
      `SELECT r.*, COALESCE((
          SELECT json_agg(json_build_object('id', i.id, 'title', i.title) ORDER BY i.id)
            FROM resource_instances i WHERE i.resource_id = r.id AND i.deleted_at IS NULL
        ), '[]'::json) AS instances
         FROM resources r
        WHERE r.location_id = $1 AND r.deleted_at IS NULL AND ($2::int[] IS NULL OR r.id = ANY($2))
        ORDER BY r.id`,
      [locationId, ids ?? null],
    );
    return rows.map(toResource);
  }

  return {
    findResources,
    async insertResource(input) {
      const rows = await q.query<{ id: number }>(
        'INSERT INTO resources(location_id, title, description) VALUES ($1, $2, $3) RETURNING id',
        [input.locationId, input.title, input.description],
      );
      const id = rows[0]!.id;
      // Instances get ids in the order given, so "#1" has the lowest id and is chosen first.
      await q.query(
        `INSERT INTO resource_instances(resource_id, title)
         SELECT $1, t FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
        [id, input.instances],
      );
      const [created] = await findResources(input.locationId, [id]);
      return created!;
    },
    async updateResource(locationId, id, patch) {
      const rows = await q.query(
        `UPDATE resources SET title = COALESCE($3, title), description = COALESCE($4, description)
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, locationId, patch.title ?? null, patch.description ?? null],
      );
      if (rows.length === 0) return null;
      const [updated] = await findResources(locationId, [id]);
      return updated ?? null;
    },
    async softDeleteResource(locationId, id) {
      const rows = await q.query(
        `UPDATE resources SET deleted_at = now()
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, locationId],
      );
      if (rows.length === 0) return false;
      await q.query(
        'UPDATE resource_instances SET deleted_at = now() WHERE resource_id = $1 AND deleted_at IS NULL',
        [id],
      );
      return true;
    },
    async lockInstances(resourceId) {
      return q.query<{ id: number; title: string }>(
        `SELECT id, title FROM resource_instances
          WHERE resource_id = $1 AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
        [resourceId],
      );
    },
    async findFutureHolds(instanceIds, nowMs) {
      const rows = await q.query<{ instance_id: number; record_id: number; s: number }>(
        `SELECT o.resource_instance_id AS instance_id, o.record_id,
                (extract(epoch FROM lower(o.during)) * 1000)::float8 AS s
           FROM resource_occupancy o
           JOIN records r ON r.id = o.record_id AND r.deleted_at IS NULL
          WHERE o.resource_instance_id = ANY($1) AND o.released_at IS NULL
            AND upper(o.during) > to_timestamp($2::float8 / 1000)
          ORDER BY lower(o.during), o.record_id`,
        [instanceIds, nowMs],
      );
      return rows.map((r) => ({
        instanceId: r.instance_id,
        recordId: r.record_id,
        start: Number(r.s),
      }));
    },
    async writeInstances(resourceId, change) {
      for (const { id, title } of change.renamed)
        await q.query(
          'UPDATE resource_instances SET title = $3 WHERE id = $1 AND resource_id = $2',
          [id, resourceId, title],
        );
      if (change.added.length > 0)
        await q.query(
          `INSERT INTO resource_instances(resource_id, title)
           SELECT $1, t FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
          [resourceId, change.added],
        );
      if (change.removed.length > 0)
        await q.query(
          `UPDATE resource_instances SET deleted_at = now()
            WHERE resource_id = $1 AND id = ANY($2) AND deleted_at IS NULL`,
          [resourceId, change.removed],
        );
    },
  };
}
