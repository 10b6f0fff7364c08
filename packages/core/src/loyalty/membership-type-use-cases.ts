import { notFound } from '../errors/domain-error';
import type { LoyaltyUow } from './ports';
import type { MembershipType, MembershipTypeInput } from './types';
import { checkChainIds, requireTitle, typeIssued } from './validate-scope';

type Deps = { uow: LoyaltyUow };

async function validated(deps: Deps, chainId: number, input: MembershipTypeInput) {
  const clean = { ...input, title: requireTitle(input.title) };
  await deps.uow((r) =>
    checkChainIds(r.chainScope, chainId, input, {
      locationIds: 'salon_ids',
      serviceIds: 'services',
      categoryIds: 'service_categories',
    }),
  );
  if (!clean.allowFreeze) clean.freezeLimitDays = 0;
  return clean;
}

export function listMembershipTypes(deps: Deps, chainId: number): Promise<MembershipType[]> {
  return deps.uow((r) => r.loyaltyTypes.listMembershipTypes(chainId));
}

export async function getMembershipType(
  deps: Deps,
  chainId: number,
  id: number,
): Promise<MembershipType> {
  const type = await deps.uow((r) => r.loyaltyTypes.findMembershipType(chainId, id));
  if (!type) throw notFound('Membership type');
  return type;
}

export async function createMembershipType(
  deps: Deps,
  chainId: number,
  input: MembershipTypeInput,
): Promise<MembershipType> {
  const clean = await validated(deps, chainId, input);
  return deps.uow((r) => r.loyaltyTypes.insertMembershipType(chainId, clean));
}

/** Issued memberships keep their visits and end date; services, freezing and places follow the type. */
export async function updateMembershipType(
  deps: Deps,
  chainId: number,
  id: number,
  input: MembershipTypeInput,
): Promise<MembershipType> {
  const clean = await validated(deps, chainId, input);
  const type = await deps.uow((r) => r.loyaltyTypes.updateMembershipType(chainId, id, clean));
  if (!type) throw notFound('Membership type');
  return type;
}

export async function deleteMembershipType(deps: Deps, chainId: number, id: number): Promise<void> {
  const done = await deps.uow((r) => r.loyaltyTypes.deleteMembershipType(chainId, id));
  if (done === 'issued') throw typeIssued('membership');
  if (!done) throw notFound('Membership type');
}
