import type { Position, TeamMember } from '@visita/core';

const flag = (value: boolean) => (value ? 1 : 0);

export function presentPosition(position: Position) {
  return { id: position.id, title: position.title };
}

/** Fields both wire forms share. */
function presentCommon(member: TeamMember) {
  return {
    id: member.id,
    name: member.name,
    specialization: member.specialization,
    // Altegio sends an empty array, not null, when no position is set.
    position: member.position ? presentPosition(member.position) : [],
    avatar: member.avatar,
    // One image is stored; both sizes point at it.
    avatar_big: member.avatar,
    fired: flag(member.fired),
    // `status` 1 means deleted; deleted members are never returned.
    status: 0,
    hidden: flag(member.hidden),
    user_id: member.userId,
    bookable: member.bookable,
    rating: member.rating,
    votes_count: member.votesCount,
    weight: member.weight,
    information: member.information,
    api_id: member.apiId,
  };
}

/** The back-office form of `/company/{id}/staff`. */
export function presentTeamMember(member: TeamMember) {
  return { ...presentCommon(member), company_id: member.locationId };
}

/** The public form of the deprecated `/staff/{id}`; reviews are not kept yet, hence 0 comments. */
export function presentPublicTeamMember(member: TeamMember) {
  return { ...presentCommon(member), show_rating: 0, comments_count: 0 };
}

/** Write answers carry both forms' fields (the doc sources disagree on which form they use). */
export function presentWrittenTeamMember(member: TeamMember) {
  return { ...presentPublicTeamMember(member), company_id: member.locationId };
}
