import type { Role } from '@visita/core';
import type { Queryable } from '../db';

export interface PartnerRow {
  id: number;
  name: string;
  /** Set for a back-office browser session's partner: the user who signed in. */
  back_office_user_id: number | null;
}

export interface UserRow {
  id: number;
  login: string;
  password_hash: string;
  name: string;
  phone: string;
  email: string;
}

export async function findPartnerByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<PartnerRow | null> {
  const rows = await q.query<PartnerRow>(
    'SELECT id, name, back_office_user_id FROM partners WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function insertPartner(
  q: Queryable,
  name: string,
  tokenHash: string,
): Promise<PartnerRow> {
  const rows = await q.query<PartnerRow>(
    `INSERT INTO partners(name, token_hash) VALUES ($1, $2)
     ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL RETURNING id, name, back_office_user_id`,
    [name, tokenHash],
  );
  return rows[0]!;
}

/** The partner of one back-office browser session, bound to the user who signed in. */
export async function insertBackOfficePartner(
  q: Queryable,
  userId: number,
  tokenHash: string,
): Promise<void> {
  await q.query(`INSERT INTO partners(name, token_hash, back_office_user_id) VALUES ($1, $2, $3)`, [
    `Back office session of user ${userId}`,
    tokenHash,
    userId,
  ]);
}

export async function revokePartner(q: Queryable, partnerId: number): Promise<void> {
  await q.query('UPDATE partners SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    partnerId,
  ]);
}

export async function revokeUserToken(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(
    'UPDATE user_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  );
}

export interface UserLocationRow {
  id: number;
  title: string;
  timezone: string;
  chain_id: number;
  chain_title: string;
  currency: string;
  role: Role;
  /** The role granted on the whole chain (what `/chain/{id}/…` routes need), if any. */
  chain_role: Role | null;
}

/** Every live location the user may open, with their strongest role there. */
export async function findUserLocations(q: Queryable, userId: number): Promise<UserLocationRow[]> {
  return q.query<UserLocationRow>(
    `SELECT DISTINCT ON (l.id) l.id, l.title, l.timezone, l.chain_id, c.title AS chain_title, l.currency, a.role,
            (SELECT ca.role FROM user_access ca WHERE ca.user_id = $1 AND ca.chain_id = l.chain_id
              ORDER BY CASE ca.role WHEN 'owner' THEN 0 WHEN 'administrator' THEN 1 ELSE 2 END
              LIMIT 1) AS chain_role
       FROM user_access a
       JOIN locations l ON (a.location_id = l.id OR a.chain_id = l.chain_id)
       JOIN chains c ON c.id = l.chain_id
      WHERE a.user_id = $1 AND l.deleted_at IS NULL
      ORDER BY l.id, CASE a.role WHEN 'owner' THEN 0 WHEN 'administrator' THEN 1 ELSE 2 END`,
    [userId],
  );
}

export async function findUserByLogin(q: Queryable, login: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>('SELECT * FROM users WHERE lower(login) = lower($1)', [
    login,
  ]);
  return rows[0] ?? null;
}

export async function findUserByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(
    `SELECT u.* FROM user_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function insertUser(
  q: Queryable,
  user: { login: string; passwordHash: string; name: string; phone?: string; email?: string },
): Promise<UserRow> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users(login, password_hash, name, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [user.login, user.passwordHash, user.name, user.phone ?? '', user.email ?? ''],
  );
  return rows[0]!;
}

export async function updateUserPassword(
  q: Queryable,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

export async function insertUserToken(
  q: Queryable,
  userId: number,
  tokenHash: string,
): Promise<void> {
  await q.query('INSERT INTO user_tokens(token_hash, user_id) VALUES ($1, $2)', [
    tokenHash,
    userId,
  ]);
}

export async function grantAccess(
  q: Queryable,
  grant: { userId: number; role: Role; chainId?: number; locationId?: number },
): Promise<void> {
  const conflict = grant.chainId
    ? '(user_id, chain_id) WHERE chain_id IS NOT NULL'
    : '(user_id, location_id) WHERE location_id IS NOT NULL';
  await q.query(
    `INSERT INTO user_access(user_id, chain_id, location_id, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT ${conflict} DO UPDATE SET role = EXCLUDED.role`,
    [grant.userId, grant.chainId ?? null, grant.locationId ?? null, grant.role],
  );
}

/**
 * The strongest role a user holds at a location, through a grant on the location itself or
 * on its chain; null when the user has no access there (or the location does not exist).
 */
export async function findUserRoleAtLocation(
  q: Queryable,
  userId: number,
  locationId: number,
): Promise<Role | null> {
  const rows = await q.query<{ role: Role }>(
    `SELECT a.role FROM user_access a
       JOIN locations l ON (a.location_id = l.id OR a.chain_id = l.chain_id)
      WHERE a.user_id = $1 AND l.id = $2 AND l.deleted_at IS NULL
      ORDER BY CASE a.role WHEN 'owner' THEN 0 WHEN 'administrator' THEN 1 ELSE 2 END
      LIMIT 1`,
    [userId, locationId],
  );
  return rows[0]?.role ?? null;
}

export async function findUserRoleInChain(
  q: Queryable,
  userId: number,
  chainId: number,
): Promise<Role | null> {
  const rows = await q.query<{ role: Role }>(
    'SELECT role FROM user_access WHERE user_id = $1 AND chain_id = $2',
    [userId, chainId],
  );
  return rows[0]?.role ?? null;
}

/** Chains the user can see: granted whole, or holding a location they were granted. */
export async function findUserChains(
  q: Queryable,
  userId: number,
): Promise<{ id: number; title: string }[]> {
  return q.query(
    `SELECT DISTINCT c.id, c.title FROM chains c
       JOIN user_access a ON a.chain_id = c.id
         OR a.location_id IN (SELECT id FROM locations WHERE chain_id = c.id)
      WHERE a.user_id = $1 ORDER BY c.id`,
    [userId],
  );
}

export async function locationExists(q: Queryable, locationId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM locations WHERE id = $1 AND deleted_at IS NULL', [
    locationId,
  ]);
  return rows.length > 0;
}

export async function findAllChainIds(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>('SELECT id FROM chains ORDER BY id');
  return rows.map((r) => r.id);
}
