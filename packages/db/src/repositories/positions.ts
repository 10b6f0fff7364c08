import type { Position, PositionsRepo } from '@visita/core';
import type { Queryable } from '../db';

const SELECT = 'SELECT id, location_id AS "locationId", title FROM positions';

export function positionsRepo(q: Queryable): PositionsRepo {
  return {
    findPositions(locationId) {
      return q.query<Position>(
        `${SELECT} WHERE location_id = $1 AND deleted_at IS NULL ORDER BY id`,
        [locationId],
      );
    },
    async findPosition(locationId, id) {
      const rows = await q.query<Position>(
        `${SELECT} WHERE location_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [locationId, id],
      );
      return rows[0] ?? null;
    },
    async insertPosition(locationId, title) {
      const rows = await q.query<Position>(
        `INSERT INTO positions(location_id, title) VALUES ($1, $2)
         RETURNING id, location_id AS "locationId", title`,
        [locationId, title],
      );
      return rows[0]!;
    },
  };
}
