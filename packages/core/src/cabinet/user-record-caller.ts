import { DomainError } from '../errors/domain-error';
import { currentTermsVersions, type TermsDeps } from '../identity/terms-in-force';
import { CONSENT_KINDS, type AppUser, type AppUsersRepo } from '../identity/types';
import type { UnitOfWork } from '../ports';

/**
 * Who may reach `/user/records/…` beyond the record hash: a client token counts only once the
 * terms in force are accepted. `missing` is what explains a miss to the caller (a bad token → 401,
 * terms not accepted → 403 `consent_required`); the hash alone still decides otherwise.
 */
export async function resolveUserRecordCaller(
  deps: TermsDeps & { uow: UnitOfWork<{ appUsers: AppUsersRepo }> },
  input: { tokenSent: boolean; user: AppUser | null },
): Promise<{ owner: AppUser | null; missing: DomainError | null }> {
  if (!input.tokenSent) return { owner: null, missing: null };
  const user = input.user;
  if (!user)
    return { owner: null, missing: new DomainError('unauthenticated', 'Authentication needed.') };
  const versions = await currentTermsVersions(deps);
  const accepted = await deps.uow((r) => r.appUsers.findAcceptedConsents(user.id, versions));
  if (accepted.length < CONSENT_KINDS.length)
    return {
      owner: null,
      missing: new DomainError(
        'consent_required',
        'Accept the user agreement and data processing terms first',
        'consent',
      ),
    };
  return { owner: user, missing: null };
}
