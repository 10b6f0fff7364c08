import { DomainError } from '../errors/domain-error';
import type { TokenCrypto } from './tokens';

export interface BackOfficeUser {
  id: number;
  login: string;
  passwordHash: string;
  name: string;
  phone: string;
  email: string;
}

/** Back-office users as login reads and writes them. */
export interface UserLoginsRepo {
  findUserByLogin(login: string): Promise<BackOfficeUser | null>;
  storeUserToken(userId: number, tokenHash: string): Promise<void>;
}

export interface LogInUserDeps extends UserLoginsRepo {
  verifyPassword(hash: string, password: string): Promise<boolean>;
  tokens: TokenCrypto;
}

/** Back-office login: a new user token per login (a device), only its digest is stored. */
export async function logInUser(
  deps: LogInUserDeps,
  input: { login: string; password: string },
): Promise<{ user: BackOfficeUser; userToken: string }> {
  const user = await deps.findUserByLogin(input.login.trim());
  // Verify even for an unknown login so that timing does not reveal which logins exist.
  const ok = await deps.verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok)
    throw new DomainError('unauthenticated', 'Invalid login or password', 'password');
  const userToken = deps.tokens.randomToken();
  await deps.storeUserToken(user.id, deps.tokens.sha256(userToken));
  return { user, userToken };
}

const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$1/2t0ZJ4Eh6Pa1tHcrZ2BNO5wSOHhy6yaOd7KzNCKy8';
