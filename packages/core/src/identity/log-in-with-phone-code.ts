import type { TokenCrypto } from '../auth/tokens';
import type { UnitOfWork } from '../catalog/ports';
import { normalizePhone } from '../shared/phone';
import { invalid } from '../errors/domain-error';
import type { Clock } from '../ports';
import { spendPhoneCode, withCountedCodeTries } from './phone-code-check';
import type { AppAccountsRepo, PhoneCodesRepo } from './ports';
import type { AppUser } from './types';

export interface LogInWithPhoneCodeDeps {
  uow: UnitOfWork<{ phoneCodes: PhoneCodesRepo; appAccounts: AppAccountsRepo }>;
  clock: Clock;
  tokens: TokenCrypto;
}

export interface LogInWithPhoneCodeInput {
  phone: string | number;
  code: string | number | undefined;
  /** What the client calls this device ("iPhone", a browser), shown when listing sessions. */
  device?: string;
}

/**
 * Phone + SMS code → a client token (one per device; only its digest is stored). The first login
 * creates the app user; every login flags the phone's client cards at all locations as using the
 * app. One transaction: the spent code, the user, the token and the flags, or (for a wrong code)
 * only the counted try.
 */
export async function logInWithPhoneCode(
  deps: LogInWithPhoneCodeDeps,
  input: LogInWithPhoneCodeInput,
): Promise<{ user: AppUser; token: string }> {
  const device = (input.device ?? '').trim();
  if (device.length > 200) throw invalid('device', 'device must be at most 200 characters');
  return withCountedCodeTries(deps.uow, async (repos) => {
    const phone = normalizePhone(input.phone);
    const refused = await spendPhoneCode(repos, deps, phone, input.code);
    if (refused) return refused;
    const now = deps.clock.now();
    const user = await repos.appAccounts.findOrCreateAppUserByPhone(phone, now);
    const token = deps.tokens.randomToken();
    await repos.appAccounts.insertAppToken({
      userId: user.id,
      tokenHash: deps.tokens.sha256(token),
      device,
      at: now,
    });
    await repos.appAccounts.markClientsHaveApp(phone);
    return { user, token };
  });
}
