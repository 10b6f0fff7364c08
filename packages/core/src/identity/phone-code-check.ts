import type { TokenCrypto } from '../auth/tokens';
import type { UnitOfWork } from '../catalog/ports';
import { DomainError } from '../errors/domain-error';
import type { Clock } from '../ports';
import { digestsEqual, PHONE_CODE_RULES, phoneCodeDigest, readCode } from './phone-code-rules';
import type { PhoneCodesRepo } from './ports';

/**
 * A refused code, returned instead of thrown: the transaction that counted the wrong try must
 * commit (else a rollback would forget the try and brute force would be free), and the error is
 * thrown once it has (see `withCountedCodeTries`).
 */
export class PhoneCodeRefusal {
  constructor(readonly error: DomainError) {}
}

const refuse = (message: string) =>
  new PhoneCodeRefusal(new DomainError('bad_code', message, 'code'));

/**
 * Inside the caller's transaction: spends the phone's code when `code` is right, so whatever the
 * transaction does with the proven phone is written together with the spending (and a booking
 * that fails later gives the code back). The code row stays locked until the transaction ends,
 * so parallel guesses are judged one after another, each seeing the tries counted before it.
 * The 5th wrong try voids the code: the 6th fails even with the right code.
 *
 * A booking passes `forLocation`: only a code requested at that location (`book_code`) confirms
 * it. A code from another location's form, or the app's login code, is refused there without
 * being spent or counted — it stays good where it was asked for. Logins take any live code.
 */
export async function spendPhoneCode(
  repos: { phoneCodes: PhoneCodesRepo },
  deps: { clock: Clock; tokens: TokenCrypto },
  phone: string,
  rawCode: string | number | null | undefined,
  forLocation?: number,
): Promise<PhoneCodeRefusal | null> {
  const code = readCode(rawCode);
  if (code === null) return refuse('The SMS code is required');
  const now = deps.clock.now();
  const stored = await repos.phoneCodes.findLiveCodeForUpdate(phone, now);
  if (!stored || stored.attempts >= PHONE_CODE_RULES.maxWrongTries)
    return refuse('The SMS code is wrong or has expired; request a new one');
  if (forLocation !== undefined && stored.locationId !== forLocation)
    return refuse('No SMS code was requested for this phone at this location; request one here');
  if (!digestsEqual(stored.codeHash, phoneCodeDigest(deps.tokens, phone, code))) {
    const exhausted = stored.attempts + 1 >= PHONE_CODE_RULES.maxWrongTries;
    await repos.phoneCodes.recordWrongTry(stored.id, exhausted ? now : null);
    return refuse(
      exhausted
        ? 'The SMS code is wrong; too many tries, request a new one'
        : 'The SMS code is wrong',
    );
  }
  await repos.phoneCodes.spendCode(stored.id, now);
  return null;
}

/**
 * Runs `work` in one transaction that may meet a refused phone code: `work` returns the refusal
 * rather than throwing it (having written nothing but the counted try), the transaction commits,
 * and the refusal is thrown here.
 */
export async function withCountedCodeTries<R, T>(
  uow: UnitOfWork<R>,
  work: (repos: R) => Promise<T | PhoneCodeRefusal>,
): Promise<T> {
  const outcome = await uow(work);
  if (outcome instanceof PhoneCodeRefusal) throw outcome.error;
  return outcome;
}
