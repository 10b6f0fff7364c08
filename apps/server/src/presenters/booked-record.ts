import {
  isoWithCompactOffset,
  localDateTime,
  utcOffsetHours,
  type Appointment,
  type BookingSettings,
  type Location,
} from '@visita/core';

/** The team member as a booked record shows them; null when the member is gone. */
export interface BookedRecordMember {
  name: string;
  specialization: string;
  position: { id: number; title: string } | null;
  rating: number;
  votesCount: number;
  avatar: string;
}

export interface BookedRecordParts {
  location: Location;
  settings: BookingSettings;
  member: BookedRecordMember | null;
  serviceTitle: (serviceId: number) => string;
  /** `/user/records` samples write `+0100`, `book_record`'s `+01:00`. */
  datetime: (instant: number, timeZone: string) => string;
}

/**
 * The documented booked-record object, shared by the client's `/user/records` and the online
 * booking's `book_record` answers; fields Visita does not keep answer their neutral value.
 */
export function presentBookedRecord(a: Appointment, parts: BookedRecordParts) {
  const { location: l, settings, member } = parts;
  const tz = l.timezone;
  return {
    id: a.id,
    services: a.steps.map((step) => ({
      id: step.serviceId,
      title: parts.serviceTitle(step.serviceId),
      cost: step.cost,
      price_min: step.firstCost,
      price_max: step.firstCost,
      discount: step.discount,
      amount: step.amount,
      seance_length: Math.round((step.end - step.start) / 1000),
    })),
    company: {
      id: l.id,
      title: l.title,
      country_id: 0,
      country: l.country,
      city_id: 0,
      city: l.city,
      phone: l.phone || (l.phones[0] ?? ''),
      phones: l.phones,
      timezone: utcOffsetHours(a.start, tz),
      address: l.address,
      coordinate_lat: l.coordinateLat,
      coordinate_lon: l.coordinateLon,
      allow_delete_record: settings.allowClientCancel,
      allow_change_record: settings.allowClientReschedule,
      site: l.site,
      currency_short_title: l.currency,
      allow_change_record_delay_step: settings.rescheduleUntilMinutes * 60,
      allow_delete_record_delay_step: settings.cancelUntilMinutes * 60,
    },
    staff: {
      id: a.staffId,
      name: member?.name ?? '',
      specialization: member?.specialization ?? '',
      position: member?.position ? { id: member.position.id, title: member.position.title } : [],
      show_rating: 1,
      rating: member?.rating ?? 0,
      votes_count: member?.votesCount ?? 0,
      avatar: member?.avatar ?? '',
      // Every vote comes from a review, so the counts coincide.
      comments_count: member?.votesCount ?? 0,
    },
    clients_count: a.clientsCount,
    date: localDateTime(a.start, tz),
    datetime: parts.datetime(a.start, tz),
    create_date: isoWithCompactOffset(a.createdAt.getTime(), tz),
    comment: a.comment,
    deleted: a.deletedAt !== null,
    attendance: a.attendance,
    length: Math.round((a.end - a.start) / 1000),
    notify_by_sms: a.notifyBySms,
    notify_by_email: a.notifyByEmail,
    master_requested: a.masterRequested,
    online: a.source === 'online',
    api_id: a.apiId ?? '',
    last_change_date: isoWithCompactOffset(a.updatedAt.getTime(), tz),
    prepaid: false,
    prepaid_confirmed: false,
    activity_id: a.activityId ?? 0,
  };
}
