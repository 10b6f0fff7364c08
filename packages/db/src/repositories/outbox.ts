import type { OutboxRepo } from '@visita/core';
import type { Queryable } from '../db';

export function outboxRepo(q: Queryable): OutboxRepo {
  return {
    async addEvent(event) {
      await q.query(
        'INSERT INTO outbox_events(location_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4)',
        [event.locationId, event.type, event.aggregateId, JSON.stringify(event.payload)],
      );
    },
  };
}
