import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { UnitOfWork } from '../ports';
import { roleHasRight, type Right, type Role } from './rights';

/** What access decisions read: a back-office user's grants (per location, or per whole chain). */
export interface AccessRepo {
  /** The strongest role at a live location, through its own grant or its chain's; null: none. */
  findUserRoleAtLocation(userId: number, locationId: number): Promise<Role | null>;
  /** The role granted on the whole chain; a grant on one of its locations does not count. */
  findUserRoleInChain(userId: number, chainId: number): Promise<Role | null>;
  /** Chains the user can see (granted whole, or holding a granted location). */
  findUserChains(userId: number): Promise<{ id: number; title: string }[]>;
  chainExists(chainId: number): Promise<boolean>;
}

export type AccessDeps = { uow: UnitOfWork<{ access: AccessRepo }> };

export const accessDenied = (): DomainError => new DomainError('forbidden', 'Access denied.');

/**
 * A right at a location the caller reached through something it names (a visit, …): without
 * any role there the thing is "not found" (its existence is not revealed); with a role that
 * lacks the right, 403.
 */
export async function requireRightAtLocation(
  deps: AccessDeps,
  input: { userId: number; locationId: number; right: Right; hiddenAs: string },
): Promise<void> {
  const role = await deps.uow((r) =>
    r.access.findUserRoleAtLocation(input.userId, input.locationId),
  );
  if (!role) throw notFound(input.hiddenAs);
  if (!roleHasRight(role, input.right)) throw accessDenied();
}

/** Whether the caller (maybe nobody) holds `right` at the location: a yes/no, never an error. */
export async function holdsRightAtLocation(
  deps: AccessDeps,
  input: { userId: number | null; locationId: number; right: Right },
): Promise<boolean> {
  if (input.userId === null) return false;
  const role = await deps.uow((r) =>
    r.access.findUserRoleAtLocation(input.userId!, input.locationId),
  );
  return role !== null && roleHasRight(role, input.right);
}

/**
 * A right over a whole chain (chain-wide client reads need `clients:read` granted on the chain,
 * not on one of its locations): 404 for an unknown chain, 403 otherwise.
 */
export async function requireRightInChain(
  deps: AccessDeps,
  input: { userId: number; chainId: number; right: Right },
): Promise<void> {
  await deps.uow(async (r) => {
    const role = await r.access.findUserRoleInChain(input.userId, input.chainId);
    if (!role) {
      if (!(await r.access.chainExists(input.chainId)))
        throw new DomainError('not_found', 'Chain not found');
      throw accessDenied();
    }
    if (!roleHasRight(role, input.right)) throw accessDenied();
  });
}

/**
 * The chain a new location goes into: the one asked for, or the caller's only chain; the
 * caller needs `location:write` on that whole chain.
 */
export async function chooseChainForNewLocation(
  deps: AccessDeps,
  input: { userId: number; requestedChainId?: number | undefined },
): Promise<number> {
  return deps.uow(async (r) => {
    const chains = input.requestedChainId ? [] : await r.access.findUserChains(input.userId);
    const chainId = input.requestedChainId ?? (chains.length === 1 ? chains[0]!.id : undefined);
    if (!chainId) throw invalid('group_id', 'group_id is required');
    const role = await r.access.findUserRoleInChain(input.userId, chainId);
    if (!role || !roleHasRight(role, 'location:write')) throw accessDenied();
    return chainId;
  });
}

/** The caller's chains with the caller's role in each, for listings. */
export function listUserChains(
  deps: AccessDeps,
  input: { userId: number },
): Promise<{ id: number; title: string; role: Role | null }[]> {
  return deps.uow(async (r) => {
    const chains = await r.access.findUserChains(input.userId);
    return Promise.all(
      chains.map(async (chain) => ({
        ...chain,
        role: await r.access.findUserRoleInChain(input.userId, chain.id),
      })),
    );
  });
}
