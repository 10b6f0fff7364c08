import {
  type Appointment,
  type BookableMember,
  type BookableTime,
  isoWithOffset,
  localTime,
  type OnlineRecordView,
  type Service,
  type ServiceCategory,
  type TeamMember,
} from '@visita/core';
import { presentBookedRecord } from './booked-record';

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
  return presentBookedRecord(a, {
    location,
    settings,
    member,
    serviceTitle: (id) => services.find((s) => s.id === id)?.title ?? '',
    datetime: isoWithOffset,
  });
}
