import type { TeamMember, TeamMemberInput, TeamMembersRepo } from '@visita/core';
import type { Queryable } from '../db';
import { buildSet } from './sql';

const COLUMNS: Record<keyof TeamMemberInput, string> = {
  locationId: 'location_id',
  userId: 'user_id',
  name: 'name',
  specialization: 'specialization',
  information: 'information',
  avatar: 'avatar',
  positionId: 'position_id',
  weight: 'weight',
  bookable: 'bookable',
  hidden: 'hidden',
  fired: 'fired',
  apiId: 'api_id',
};

type StaffRow = Record<string, unknown>;

// A soft-deleted position no longer shows on its members.
const SELECT = `SELECT s.*, p.title AS position_title FROM staff s
  LEFT JOIN positions p ON p.id = s.position_id AND p.deleted_at IS NULL`;

function toTeamMember(row: StaffRow): TeamMember {
  const positionId = row.position_id as number | null;
  const positionTitle = row.position_title as string | null;
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    userId: row.user_id as number | null,
    name: row.name as string,
    specialization: row.specialization as string,
    information: row.information as string,
    avatar: row.avatar as string,
    positionId,
    position:
      positionId !== null && positionTitle !== null
        ? { id: positionId, locationId: row.location_id as number, title: positionTitle }
        : null,
    rating: row.rating as number,
    votesCount: row.votes_count as number,
    weight: row.weight as number,
    bookable: row.bookable as boolean,
    hidden: row.hidden as boolean,
    fired: row.fired as boolean,
    apiId: row.api_id as string | null,
  };
}

export function teamMembersRepo(q: Queryable): TeamMembersRepo {
  return {
    async findTeamMembers(locationId, filter) {
      const where = ['s.location_id = $1', 's.deleted_at IS NULL'];
      const params: unknown[] = [locationId];
      if (filter.ids?.length) {
        params.push(filter.ids);
        where.push(`s.id = ANY($${params.length})`);
      }
      if (!filter.includeFired) where.push('NOT s.fired');
      if (filter.onlyBookable) where.push('s.bookable');
      if (filter.onlyVisible) where.push('NOT s.hidden');
      const rows = await q.query<StaffRow>(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY s.weight DESC, s.id`,
        params,
      );
      return rows.map(toTeamMember);
    },
    async findTeamMember(locationId, id) {
      const rows = await q.query<StaffRow>(
        `${SELECT} WHERE s.location_id = $1 AND s.id = $2 AND s.deleted_at IS NULL`,
        [locationId, id],
      );
      return rows[0] ? toTeamMember(rows[0]) : null;
    },
    async insertTeamMember(input) {
      const keys = Object.keys(COLUMNS) as (keyof TeamMemberInput)[];
      const rows = await q.query<{ id: number }>(
        `INSERT INTO staff(${keys.map((k) => COLUMNS[k]).join(', ')})
         VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        keys.map((k) => input[k]),
      );
      return (await this.findTeamMember(input.locationId, rows[0]!.id))!;
    },
    async updateTeamMember(locationId, id, patch) {
      // The location is the tenant boundary; it is never changed through a patch.
      const { locationId: _ignored, ...rest } = patch;
      const set = buildSet(rest, COLUMNS, 3);
      if (set.sql)
        await q.query(
          `UPDATE staff SET ${set.sql} WHERE location_id = $1 AND id = $2 AND deleted_at IS NULL`,
          [locationId, id, ...set.params],
        );
      return this.findTeamMember(locationId, id);
    },
    async softDeleteTeamMember(locationId, id) {
      const rows = await q.query(
        `UPDATE staff SET deleted_at = now()
          WHERE location_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id`,
        [locationId, id],
      );
      return rows.length > 0;
    },
    async isUserOfLocation(locationId, userId) {
      const rows = await q.query(
        `SELECT 1 FROM user_access a JOIN locations l ON l.id = $1
          WHERE a.user_id = $2 AND (a.location_id = l.id OR a.chain_id = l.chain_id) LIMIT 1`,
        [locationId, userId],
      );
      return rows.length > 0;
    },
  };
}
