import type { AccessRepo, UserLoginsRepo } from '@visita/core';
import type { Queryable } from '../db';
import {
  findUserByLogin,
  findUserChains,
  findUserRoleAtLocation,
  findUserRoleInChain,
  insertUserToken,
} from './auth';

export function accessRepo(q: Queryable): AccessRepo {
  return {
    findUserRoleAtLocation: (userId, locationId) => findUserRoleAtLocation(q, userId, locationId),
    findUserRoleInChain: (userId, chainId) => findUserRoleInChain(q, userId, chainId),
    findUserChains: (userId) => findUserChains(q, userId),
    async chainExists(chainId) {
      const rows = await q.query('SELECT 1 FROM chains WHERE id = $1', [chainId]);
      return rows.length > 0;
    },
  };
}

export function userLoginsRepo(q: Queryable): UserLoginsRepo {
  return {
    async findUserByLogin(login) {
      const row = await findUserByLogin(q, login);
      return row && { ...row, passwordHash: row.password_hash };
    },
    storeUserToken: (userId, tokenHash) => insertUserToken(q, userId, tokenHash),
  };
}
