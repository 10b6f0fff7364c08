import { openBackOfficeSession } from '@visita/core';
import { authRepo, type Db } from '@visita/db';
import { tokenCrypto, type PasswordHasher } from './crypto';

/**
 * The back-office session store: the ports of `openBackOfficeSession` bound to one transaction,
 * so the route reaches the database only through this adapter and the core use case.
 */
export function backOfficeSessions(deps: { db: Db; passwords: PasswordHasher }) {
  return {
    /** One transaction: the user token and the session's partner exist together or not at all. */
    open: (body: { login: string; password: string }) =>
      deps.db.transaction((tx) =>
        openBackOfficeSession(
          {
            findUserByLogin: async (login) => {
              const row = await authRepo.findUserByLogin(tx, login);
              return row && { ...row, passwordHash: row.password_hash };
            },
            storeUserToken: (userId, hash) => authRepo.insertUserToken(tx, userId, hash),
            storeSessionPartner: (userId, hash) =>
              authRepo.insertBackOfficePartner(tx, userId, hash),
            verifyPassword: (hash, password) => deps.passwords.verify(hash, password),
            tokens: tokenCrypto,
          },
          body,
        ),
      ),
    locationsOf: (userId: number) => authRepo.findUserLocations(deps.db, userId),
    /** Revokes the user token, and the partner token only when it belongs to this session. */
    close: (input: { userToken: string | null | undefined; sessionPartnerId: number | null }) =>
      deps.db.transaction(async (tx) => {
        if (input.userToken)
          await authRepo.revokeUserToken(tx, tokenCrypto.sha256(input.userToken));
        if (input.sessionPartnerId !== null)
          await authRepo.revokePartner(tx, input.sessionPartnerId);
      }),
  };
}
