import { authRepo, type Db } from '@visita/db';
import { tokenCrypto, type PasswordHasher } from './adapters/crypto';

/** Makes sure a partner with this token exists (deployments and scripted tests set it by env). */
export async function ensurePartner(
  db: Db,
  token: string,
  name = 'Default partner',
): Promise<number> {
  const partner = await authRepo.insertPartner(db, name, tokenCrypto.sha256(token));
  return partner.id;
}

export async function createPartner(db: Db, name: string): Promise<{ id: number; token: string }> {
  const token = tokenCrypto.randomToken();
  return { id: await ensurePartner(db, token, name), token };
}

/**
 * Makes sure a back-office user with this login exists, with this password, as owner of the
 * given chains (all chains when none are named, which is what a single-business install wants).
 */
export async function ensureOwner(
  db: Db,
  passwords: PasswordHasher,
  input: { login: string; password: string; name?: string; chainIds?: number[] },
): Promise<number> {
  const hash = await passwords.hash(input.password);
  return db.transaction(async (tx) => {
    const existing = await authRepo.findUserByLogin(tx, input.login);
    const user =
      existing ??
      (await authRepo.insertUser(tx, {
        login: input.login,
        passwordHash: hash,
        name: input.name ?? input.login,
      }));
    if (existing) await authRepo.updateUserPassword(tx, existing.id, hash);
    const chainIds = input.chainIds ?? (await authRepo.findAllChainIds(tx));
    for (const chainId of chainIds)
      await authRepo.grantAccess(tx, { userId: user.id, chainId, role: 'owner' });
    return user.id;
  });
}
