import type { Client, ClientsRepo } from '@visita/core';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

const toClient = (row: Row): Client => ({
  id: row.id as number,
  locationId: row.location_id as number,
  phone: row.phone as string,
  name: row.name as string,
  surname: row.surname as string,
  email: row.email as string,
  blacklisted: row.blacklisted === true,
});

export function clientsRepo(q: Queryable): ClientsRepo {
  return {
    async findOrCreateClientByPhone(locationId, contact) {
      // ON CONFLICT on the partial unique index: two concurrent bookings with one phone create
      // one client; the loser waits for the winner's row and then reads it.
      const [inserted] = await q.query<Row>(
        `INSERT INTO clients(location_id, phone, name, surname, email)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (location_id, phone) WHERE deleted_at IS NULL DO NOTHING
         RETURNING *`,
        [locationId, contact.phone, contact.name ?? '', contact.surname ?? '', contact.email ?? ''],
      );
      if (inserted) return toClient(inserted);
      // An existing client keeps what staff recorded; only empty fields are filled in.
      const [row] = await q.query<Row>(
        `UPDATE clients SET
           name = CASE WHEN name = '' THEN $3 ELSE name END,
           surname = CASE WHEN surname = '' THEN $4 ELSE surname END,
           email = CASE WHEN email = '' THEN $5 ELSE email END,
           updated_at = CASE WHEN (name = '' AND $3 <> '') OR (surname = '' AND $4 <> '')
                               OR (email = '' AND $5 <> '') THEN now() ELSE updated_at END
         WHERE location_id = $1 AND phone = $2 AND deleted_at IS NULL
         RETURNING *`,
        [locationId, contact.phone, contact.name ?? '', contact.surname ?? '', contact.email ?? ''],
      );
      return toClient(row!);
    },
  };
}
