import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { AppProfilesRepo, AvatarStore } from './ports';

/**
 * "Delete my account": the person's data in the app is erased in one transaction (see
 * `AppProfilesRepo.eraseAppUser`), every token stops working, and the photo file is removed.
 * The businesses' appointment history and their client cards stay: they are the businesses'
 * records, no longer linked to an app account.
 */
export async function deleteMyAccount(
  deps: { uow: UnitOfWork<{ appProfiles: AppProfilesRepo }>; avatars: AvatarStore },
  user: AppUser,
): Promise<void> {
  const erased = await deps.uow((r) => r.appProfiles.eraseAppUser(user.id));
  if (!erased) throw notFound('Profile');
  if (erased.avatar) await deps.avatars.remove(erased.avatar);
}
