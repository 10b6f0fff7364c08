import type { VisitsRepo } from '@visita/core';
import type { Queryable } from '../db';

export function visitsRepo(q: Queryable): VisitsRepo {
  return {
    async insertVisit(locationId, clientId) {
      const [row] = await q.query<{ id: number }>(
        'INSERT INTO visits(location_id, client_id) VALUES ($1, $2) RETURNING id',
        [locationId, clientId],
      );
      return row!.id;
    },
    async findVisit(id) {
      const [row] = await q.query<{ id: number; location_id: number; client_id: number | null }>(
        'SELECT id, location_id, client_id FROM visits WHERE id = $1',
        [id],
      );
      return row ? { id: row.id, locationId: row.location_id, clientId: row.client_id } : null;
    },
  };
}
