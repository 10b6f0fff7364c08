import { DomainError } from '../errors/domain-error';
import { CURRENT_TERMS, type AppUser, type AppUsersRepo } from '../identity/types';
import type { UnitOfWork } from '../ports';

/**
 * Who may reach `/user/records/…` beyond the record hash: a client token counts only once the
 * current terms are accepted. `missing` is what explains a miss to the caller (a bad token → 401,
 * terms not accepted → 403 `consent_required`); the hash alone still decides otherwise.
 */
export async function resolveUserRecordCaller(
  deps: { uow: UnitOfWork<{ appUsers: AppUsersRepo }> },
  input: { tokenSent: boolean; user: AppUser | null },
): Promise<{ owner: AppUser | null; missing: DomainError | null }> {
  if (!input.tokenSent) return { owner: null, missing: null };
  const user = input.user;
  if (!user)
    return { owner: null, missing: new DomainError('unauthenticated', 'Authentication needed.') };
  const accepted = await deps.uow((r) => r.appUsers.findAcceptedConsents(user.id, CURRENT_TERMS));
  if (accepted.length < Object.keys(CURRENT_TERMS).length)
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
