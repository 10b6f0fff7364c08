import type { Position, TeamMember } from '@visita/core';

const flag = (value: boolean) => (value ? 1 : 0);

/** The documented position object; fields for unmodelled features carry neutral values. */
export function presentPosition(position: Position, chainId: number) {
  return {
    id: position.id,
    title: position.title,
    chain_id: chainId,
    description: '',
    services_binding_type: 0,
    rules_required_fields: [],
    only_chain_appointment: false,
  };
}

const positionOf = (member: TeamMember) =>
  member.position ? { id: member.position.id, title: member.position.title } : null;

/** The card every form shares. */
function presentCard(member: TeamMember) {
  return {
    id: member.id,
    name: member.name,
    specialization: member.specialization,
    // Altegio sends an empty array, not null, when no position is set.
    position: positionOf(member) ?? [],
    avatar: member.avatar,
    // One image is stored; both sizes point at it.
    avatar_big: member.avatar,
  };
}

function presentFlags(member: TeamMember) {
  return {
    fired: flag(member.fired),
    // `status` 1 means deleted; deleted members are never returned.
    status: 0,
    hidden: flag(member.hidden),
  };
}

/** Reviews are counted into `rating`/`votes_count`; comments are not kept apart, hence 0. */
function presentProfile(member: TeamMember) {
  return {
    api_id: member.apiId ?? '',
    rating: member.rating,
    votes_count: member.votesCount,
    show_rating: 0,
    comments_count: 0,
    weight: member.weight,
    information: member.information,
  };
}

const noPayroll = { is_included_in_payment_policy: false, is_paid_staff: false };

/** The back-office form of `/company/{id}/staff`. */
export function presentTeamMember(member: TeamMember) {
  return {
    ...presentCard(member),
    ...presentFlags(member),
    ...noPayroll,
    company_id: member.locationId,
    user_id: member.userId,
  };
}

/** The quick-create answer: a short card whose `position` is null when none. */
export function presentQuickTeamMember(member: TeamMember) {
  const { id, name, specialization, avatar, avatar_big } = presentCard(member);
  return {
    id,
    name,
    company_id: member.locationId,
    specialization,
    avatar,
    avatar_big,
    position: positionOf(member),
    is_paid_staff: false,
  };
}

/** The public form of the deprecated `/staff/{id}`. */
export function presentPublicTeamMember(member: TeamMember) {
  return {
    ...presentCard(member),
    ...presentFlags(member),
    ...presentProfile(member),
    user_id: member.userId,
    bookable: member.bookable,
    position_id: member.position?.id ?? 0,
    has_access_timetable: false,
    image_group: [],
    prepaid: 'forbidden',
    schedule_till: '',
    user: [],
  };
}

/** Write answers: the live sample's fields plus the Altegio schema's back-office ones. */
export function presentWrittenTeamMember(member: TeamMember) {
  return {
    ...presentCard(member),
    ...presentFlags(member),
    ...presentProfile(member),
    ...noPayroll,
    company_id: member.locationId,
    user_id: member.userId,
  };
}
