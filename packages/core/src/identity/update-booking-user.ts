import type { UnitOfWork } from '../catalog/ports';
import { normalizePhone } from '../shared/phone';
import { invalid, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { AppAccountsRepo } from './ports';
import type { AppUser } from './types';

export interface UpdateBookingUserInput {
  name?: string;
  email?: string;
  /** Accepted when it is the user's own number (forms resend every field). */
  phone?: string | number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `PUT /booking/user`: the client's name and e-mail. */
export async function updateBookingUser(
  deps: { uow: UnitOfWork<{ appAccounts: AppAccountsRepo }>; clock: Clock },
  user: AppUser,
  input: UpdateBookingUserInput,
): Promise<AppUser> {
  const patch: { name?: string; email?: string } = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name === '') throw invalid('name', 'name must not be empty');
    patch.name = name;
  }
  if (input.email !== undefined) {
    const email = input.email.trim();
    if (email !== '' && !EMAIL.test(email))
      throw invalid('email', `"${email}" is not an e-mail address`);
    patch.email = email;
  }
  if (input.phone !== undefined && String(input.phone).trim() !== '') {
    // The phone is the login: a new number is proven by logging in with it, not by an edit.
    if (normalizePhone(input.phone) !== user.phone)
      throw invalid('phone', 'The phone cannot be changed here; log in with the new number');
  }
  return deps.uow(async (repos) => {
    const updated = await repos.appAccounts.updateAppUserContact(user.id, patch, deps.clock.now());
    if (!updated) throw notFound('User');
    return updated;
  });
}
