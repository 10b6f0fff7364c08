import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { AppProfilesRepo, AvatarImages, AvatarStore } from './ports';

type Deps = {
  uow: UnitOfWork<{ appProfiles: AppProfilesRepo }>;
  avatarImages: AvatarImages;
  avatars: AvatarStore;
};

/**
 * Sets the client's photo: the upload is decoded and cut to a square avatar first (a non-image
 * fails before anything is stored), then the file is written and the profile points at it; the
 * previous file is removed only after the new key is committed.
 */
export async function setMyPhoto(deps: Deps, user: AppUser, upload: Uint8Array): Promise<string> {
  const image = await deps.avatarImages.toAvatar(upload);
  const key = await deps.avatars.save(user.id, image);
  let previous: string | null;
  try {
    previous = await deps.uow((r) => r.appProfiles.setAvatar(user.id, key));
  } catch (error) {
    await deps.avatars.remove(key);
    throw error;
  }
  if (previous) await deps.avatars.remove(previous);
  return key;
}

export async function removeMyPhoto(deps: Deps, user: AppUser): Promise<void> {
  const previous = await deps.uow((r) => r.appProfiles.setAvatar(user.id, ''));
  if (previous) await deps.avatars.remove(previous);
}

/** The stored avatar bytes; 404 when the client has no photo. */
export async function readMyPhoto(
  deps: { avatars: AvatarStore },
  user: AppUser,
): Promise<Uint8Array> {
  const bytes = user.avatar ? await deps.avatars.read(user.avatar) : null;
  if (!bytes) throw notFound('Photo');
  return bytes;
}
