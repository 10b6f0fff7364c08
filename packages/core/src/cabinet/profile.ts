import type { UnitOfWork } from '../catalog/ports';
import { invalid, notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { AppProfilesRepo, ProfilePatch } from './ports';

export const DATE_FORMATS = ['DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export const PROFILE_NAME_MAX = 100;
/** A BCP 47 language tag of the simple kind apps use: `en`, `de`, `pt-BR`, `zh-Hans`. */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

function checkPatch(patch: ProfilePatch): ProfilePatch {
  const clean = { ...patch };
  if (clean.name !== undefined) {
    clean.name = clean.name.trim().replace(/\s+/g, ' ');
    if (clean.name.length > PROFILE_NAME_MAX)
      throw invalid('name', `name must be at most ${PROFILE_NAME_MAX} characters`);
  }
  if (clean.language !== undefined && !LANGUAGE.test(clean.language))
    throw invalid('language', 'language must be a language tag such as "en" or "pt-BR"');
  if (
    clean.dateFormat !== undefined &&
    !(DATE_FORMATS as readonly string[]).includes(clean.dateFormat)
  )
    throw invalid('date_format', `date_format must be one of ${DATE_FORMATS.join(', ')}`);
  return clean;
}

/** Changes the client's own settings; only the fields present are touched. */
export async function updateMyProfile(
  deps: { uow: UnitOfWork<{ appProfiles: AppProfilesRepo }> },
  user: AppUser,
  patch: ProfilePatch,
): Promise<AppUser> {
  const clean = checkPatch(patch);
  const updated = await deps.uow((r) => r.appProfiles.updateProfile(user.id, clean));
  if (!updated) throw notFound('Profile');
  return updated;
}
