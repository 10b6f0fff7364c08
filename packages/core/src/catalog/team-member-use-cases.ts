import { invalid, notFound } from '../errors/domain-error';
import type {
  LocationsRepo,
  PositionsRepo,
  TeamMemberInput,
  TeamMembersRepo,
  UnitOfWork,
} from './ports';
import type { TeamMember } from './types';

type Repos = { teamMembers: TeamMembersRepo; positions: PositionsRepo; locations: LocationsRepo };
type Deps = { uow: UnitOfWork<Repos> };

/** What a caller may set on a team member; the location comes from the route, never the body. */
export type TeamMemberPatch = Partial<Omit<TeamMemberInput, 'locationId'>>;
export type TeamMemberDraft = TeamMemberPatch & { name: string };

const DEFAULTS: Omit<TeamMemberInput, 'locationId' | 'name'> = {
  userId: null,
  specialization: '',
  information: '',
  avatar: '',
  positionId: null,
  weight: 0,
  bookable: true,
  hidden: false,
  fired: false,
  apiId: null,
};

/** The back-office listing: fired and hidden members included, deleted ones never. */
export function listTeamMembers(deps: Deps, locationId: number): Promise<TeamMember[]> {
  return deps.uow((r) => r.teamMembers.findTeamMembers(locationId, { includeFired: true }));
}

export async function getTeamMember(
  deps: Deps,
  locationId: number,
  id: number,
): Promise<TeamMember> {
  const member = await deps.uow((r) => r.teamMembers.findTeamMember(locationId, id));
  if (!member) throw notFound('Team member');
  return member;
}

/** The public listing shows only members a client could see: not fired, not hidden. */
export function listPublicTeamMembers(deps: Deps, locationId: number): Promise<TeamMember[]> {
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.teamMembers.findTeamMembers(locationId, { onlyVisible: true });
  });
}

export async function getPublicTeamMember(
  deps: Deps,
  locationId: number,
  id: number,
): Promise<TeamMember> {
  const member = await deps.uow((r) => r.teamMembers.findTeamMember(locationId, id));
  if (!member || member.fired || member.hidden) throw notFound('Team member');
  return member;
}

/** Checks that need no database; the references are checked inside the write transaction. */
function checkFields(patch: TeamMemberPatch): void {
  if (patch.name !== undefined) {
    patch.name = patch.name.trim();
    if (patch.name === '') throw invalid('name', 'name must not be empty');
  }
}

/** A position or a linked user must belong to the same location: ids of other tenants are refused. */
async function checkReferences(r: Repos, locationId: number, patch: TeamMemberPatch) {
  if (patch.positionId != null && !(await r.positions.findPosition(locationId, patch.positionId)))
    throw invalid('position_id', 'position_id is not a position of this location');
  if (patch.userId != null && !(await r.teamMembers.isUserOfLocation(locationId, patch.userId)))
    throw invalid('user_id', 'user_id is not a user of this location');
}

export async function createTeamMember(
  deps: Deps,
  locationId: number,
  draft: TeamMemberDraft,
): Promise<TeamMember> {
  const input = { ...DEFAULTS, ...draft, locationId };
  checkFields(input);
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    await checkReferences(r, locationId, input);
    return r.teamMembers.insertTeamMember(input);
  });
}

export async function updateTeamMember(
  deps: Deps,
  locationId: number,
  id: number,
  patch: TeamMemberPatch,
): Promise<TeamMember> {
  checkFields(patch);
  return deps.uow(async (r) => {
    // Existence first: another tenant's id is "not found", never a validation hint.
    if (!(await r.teamMembers.findTeamMember(locationId, id))) throw notFound('Team member');
    await checkReferences(r, locationId, patch);
    const updated = await r.teamMembers.updateTeamMember(locationId, id, patch);
    if (!updated) throw notFound('Team member');
    return updated;
  });
}

export async function deleteTeamMember(deps: Deps, locationId: number, id: number): Promise<void> {
  const deleted = await deps.uow((r) => r.teamMembers.softDeleteTeamMember(locationId, id));
  if (!deleted) throw notFound('Team member');
}
