import type { TokenCrypto } from '../auth/tokens';
import type { UnitOfWork } from '../catalog/ports';
import type { Clock } from '../ports';
import type { AppAccountsRepo } from './ports';

export interface LogOutDeps {
  uow: UnitOfWork<{ appAccounts: AppAccountsRepo }>;
  clock: Clock;
  tokens: TokenCrypto;
}

/** Revokes the token this device presented; other devices stay logged in. */
export async function logOutAppDevice(deps: LogOutDeps, token: string): Promise<number> {
  return deps.uow((repos) =>
    repos.appAccounts.revokeAppToken(deps.tokens.sha256(token), deps.clock.now()),
  );
}

/** "Log out everywhere": revokes every token of the user, this device's included. */
export async function logOutAppUserEverywhere(deps: LogOutDeps, userId: number): Promise<number> {
  return deps.uow((repos) => repos.appAccounts.revokeAllAppTokens(userId, deps.clock.now()));
}
