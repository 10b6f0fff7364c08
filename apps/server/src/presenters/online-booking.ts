import {
  type Appointment,
  type BookableMember,
  type BookableTime,
  isoWithCompactOffset,
  isoWithOffset,
  utcOffsetHours,
  localDateTime,
  localTime,
  type OnlineRecordView,
  type Service,
  type ServiceCategory,
  type TeamMember,
} from '@visita/core';

export function presentBookService(s: Service) {
  return {
    id: s.id,
    title: s.title,
    category_id: s.categoryId ?? 0,
    price_min: s.priceMin,
    price_max: s.priceMax,
    discount: s.discount,
    comment: s.comment,
    weight: s.weight,
    active: 1,
    sex: 0,
    image: '',
    prepaid: 'forbidden',
    seance_length: s.durationSeconds,
  };
}

export function presentBookCategory(c: ServiceCategory) {
  return { id: c.id, title: c.title, sex: 0, api_id: c.apiId ?? '', weight: c.weight };
}

export function presentSeance(t: { start: number; end: number }, timeZone: string) {
  return {
    time: localTime(t.start, timeZone),
    seance_length: (t.end - t.start) / 1000,
    datetime: isoWithOffset(t.start, timeZone),
  };
}

export function presentBookTime(t: BookableTime, timeZone: string) {
  return {
    time: localTime(t.start, timeZone),
    seance_length: t.length,
    sum_length: t.length,
    datetime: isoWithOffset(t.start, timeZone),
  };
}

export function presentBookStaff(entry: BookableMember, timeZone: string) {
  const m: TeamMember = entry.member;
  return {
    id: m.id,
    name: m.name,
    bookable: m.bookable,
    specialization: m.specialization,
    position: m.position ? { id: m.position.id, title: m.position.title } : [],
    show_rating: 1,
    rating: m.rating,
    votes_count: m.votesCount,
    avatar: m.avatar,
    comments_count: 0,
    weight: m.weight,
    information: m.information,
    seance_date: entry.seanceDate,
    seances: entry.seances.map((s) => presentSeance(s, timeZone)),
  };
}

/** `booking_days: {"9": ["4","5"]}`: month number → day numbers, as the widget reads them. */
export function groupByMonth(dates: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const date of dates) {
    const month = String(Number(date.slice(5, 7)));
    (out[month] ??= []).push(String(Number(date.slice(8, 10))));
  }
  return out;
}

/**
 * The online-booking record (`GET /book_record/{id}/{rid}/{hash}`, `PUT /book_record`): the
 * same documented object as the client's `/user/records`, from the appointment and its view.
 */
export function presentOnlineRecord(
  { location, member, services, settings }: OnlineRecordView,
  a: Appointment,
) {
  const tz = location.timezone;
  return {
    id: a.id,
    services: a.steps.map((step) => ({
      id: step.serviceId,
      title: services.find((s) => s.id === step.serviceId)?.title ?? '',
      cost: step.cost,
      price_min: step.firstCost,
      price_max: step.firstCost,
      discount: step.discount,
      amount: step.amount,
      seance_length: Math.round((step.end - step.start) / 1000),
    })),
    company: {
      id: location.id,
      title: location.title,
      country_id: 0,
      country: location.country,
      city_id: 0,
      city: location.city,
      phone: location.phone || (location.phones[0] ?? ''),
      phones: location.phones,
      timezone: utcOffsetHours(a.start, tz),
      address: location.address,
      coordinate_lat: location.coordinateLat,
      coordinate_lon: location.coordinateLon,
      allow_delete_record: settings.allowClientCancel,
      allow_change_record: settings.allowClientReschedule,
      site: location.site,
      currency_short_title: location.currency,
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
    datetime: isoWithOffset(a.start, tz),
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
