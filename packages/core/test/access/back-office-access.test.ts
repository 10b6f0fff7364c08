import { describe, expect, it } from 'vitest';
import {
  chooseChainForNewLocation,
  DomainError,
  holdsRightAtLocation,
  requireRightAtLocation,
  requireRightInChain,
  type AccessRepo,
  type Role,
} from '../../src';

/** Grants: user 1 owns chain 10; user 2 administers location 100 (of chain 10); user 3 is staff there. */
const access: AccessRepo = {
  findUserRoleAtLocation: (userId, locationId) =>
    Promise.resolve(
      locationId !== 100
        ? null
        : (({ 1: 'owner', 2: 'administrator', 3: 'staff' } as Record<number, Role>)[userId] ??
            null),
    ),
  findUserRoleInChain: (userId, chainId) =>
    Promise.resolve(userId === 1 && chainId === 10 ? 'owner' : null),
  findUserChains: (userId) => Promise.resolve(userId <= 3 ? [{ id: 10, title: 'Chain' }] : []),
  chainExists: (chainId) => Promise.resolve(chainId === 10),
};
const deps = { uow: <T>(fn: (r: { access: AccessRepo }) => Promise<T>) => fn({ access }) };
const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'allowed',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('back-office access decisions', () => {
  it('a thing at a location: hidden (404) without a role there, 403 without the right', async () => {
    const visit = (userId: number, right: 'records:read' | 'records:write') =>
      codeOf(requireRightAtLocation(deps, { userId, locationId: 100, right, hiddenAs: 'Visit' }));
    expect(await visit(3, 'records:read')).toBe('allowed');
    expect(await visit(3, 'records:write')).toBe('forbidden');
    expect(await visit(4, 'records:read')).toBe('not_found');
  });

  it('back office or not: only a user with the right at that location', async () => {
    const check = (userId: number | null, locationId = 100) =>
      holdsRightAtLocation(deps, { userId, locationId, right: 'records:write' });
    expect(await check(2)).toBe(true);
    expect(await check(3)).toBe(false);
    expect(await check(null)).toBe(false);
    expect(await check(2, 101)).toBe(false);
  });

  it('chain-wide reads need a grant on the chain, not on one of its locations', async () => {
    const read = (userId: number, chainId = 10) =>
      codeOf(requireRightInChain(deps, { userId, chainId, right: 'clients:read' }));
    expect(await read(1)).toBe('allowed');
    expect(await read(2)).toBe('forbidden');
    expect(await read(1, 99)).toBe('not_found');
  });

  it('a new location goes to the only chain or the named one, with location:write on it', async () => {
    expect(await chooseChainForNewLocation(deps, { userId: 1 })).toBe(10);
    expect(await codeOf(chooseChainForNewLocation(deps, { userId: 2 }))).toBe('forbidden');
    expect(await codeOf(chooseChainForNewLocation(deps, { userId: 4 }))).toBe('validation_failed');
    expect(await codeOf(chooseChainForNewLocation(deps, { userId: 1, requestedChainId: 11 }))).toBe(
      'forbidden',
    );
  });
});
