import { presentBookedRecord } from './booked-record';
import { presentPromo } from './promo';
import {
  isoWithCompactOffset,
  isoWithOffset,
  localDate,
  localTime,
  type AppUser,
  type ClientAppointment,
  type ClientRight,
  type Place,
  type Review,
} from '@visita/core';
import { isAvatarKey } from '../adapters/avatars';

/** The client app's wire shapes (`/api/app/v1`): snake_case, times local to the location. */

const reasonOf = (right: ClientRight) =>
  right.allowed || !right.reason ? null : { code: right.reason, message: right.message ?? '' };

const untilOf = (right: ClientRight, timeZone: string) =>
  right.until === null ? null : isoWithOffset(right.until, timeZone);

export function presentAppAppointment(c: ClientAppointment) {
  const a = c.appointment;
  const tz = c.location.timezone;
  return {
    id: a.id,
    status: c.status,
    location: {
      id: c.location.id,
      title: c.location.title,
      address: c.location.address,
      city: c.location.city,
      timezone: tz,
      phone: c.location.phone || (c.location.phones[0] ?? ''),
    },
    staff: {
      id: a.staff.id,
      name: a.staff.name,
      specialization: a.staff.specialization,
      avatar: a.staff.avatar,
      rating: a.staff.rating,
      votes_count: a.staff.votesCount,
    },
    services: a.steps.map((s) => ({
      id: s.serviceId,
      title: a.serviceTitles[s.serviceId] ?? '',
      cost: s.cost,
      first_cost: s.firstCost,
      discount: s.discount,
      amount: s.amount,
    })),
    total_cost: Math.round(a.steps.reduce((sum, s) => sum + s.cost, 0) * 100) / 100,
    currency: c.location.currency,
    date: localDate(a.start, tz),
    time: localTime(a.start, tz),
    datetime: isoWithOffset(a.start, tz),
    end_datetime: isoWithOffset(a.end, tz),
    length: Math.round((a.end - a.start) / 1000),
    online: a.source === 'online',
    confirmed: a.confirmed,
    attendance: a.attendance,
    comment: a.comment,
    can_cancel: c.cancel.allowed,
    cancel_until: untilOf(c.cancel, tz),
    cannot_cancel_reason: reasonOf(c.cancel),
    can_reschedule: c.reschedule.allowed,
    reschedule_until: untilOf(c.reschedule, tz),
    cannot_reschedule_reason: reasonOf(c.reschedule),
    can_review_staff: c.review.staff.allowed,
    can_review_location: c.review.location.allowed,
    reviewed: {
      staff: c.review.staff.reason === 'already_reviewed',
      location: c.review.location.reason === 'already_reviewed',
    },
  };
}

export function presentPlace(p: Place) {
  const l = p.location;
  return {
    id: l.id,
    title: l.title,
    chain_title: l.chainTitle,
    short_description: l.shortDescr,
    description: l.description,
    country: l.country,
    city: l.city,
    address: l.address,
    zip: l.zip,
    coordinates:
      l.coordinateLat === null || l.coordinateLon === null
        ? null
        : { lat: l.coordinateLat, lon: l.coordinateLon },
    timezone: l.timezone,
    phone: l.phone || (l.phones[0] ?? ''),
    phones: l.phones.length ? l.phones : l.phone ? [l.phone] : [],
    email: l.email,
    site: l.site,
    social: l.social,
    schedule: l.schedule,
    logo: l.logo,
    currency: l.currency,
    rating: p.rating,
    reviews_count: p.reviewsCount,
    is_favourite: p.isFavourite,
    muted: p.muted,
    appointments_count: p.appointmentsCount,
    promo: presentPromo(l.promo),
  };
}

export function presentReview(r: Review, viewer: AppUser, timeZone: string) {
  return {
    id: r.id,
    appointment_id: r.recordId,
    location_id: r.locationId,
    target: r.target,
    staff: r.staff,
    rating: r.rating,
    text: r.text,
    author_name: r.authorName,
    mine: r.appUserId === viewer.id,
    created_at: isoWithOffset(r.createdAt.getTime(), timeZone),
  };
}

export const PROFILE_PHOTO_PATH = '/api/app/v1/profile/photo';

/** Our own uploads are served by the photo route (with the key as a cache buster). */
export function photoUrlOf(user: AppUser): string | null {
  if (!user.avatar) return null;
  if (isAvatarKey(user.avatar)) return `${PROFILE_PHOTO_PATH}?v=${user.avatar.split('.')[0]}`;
  return /^https?:\/\//.test(user.avatar) ? user.avatar : null;
}

export function presentProfile(user: AppUser) {
  return {
    id: user.id,
    phone: user.phone,
    name: user.name,
    email: user.email,
    language: user.language,
    date_format: user.dateFormat,
    time_24h: user.time24h,
    notifications_enabled: user.notificationsEnabled,
    photo_url: photoUrlOf(user),
  };
}

/** The contract's `/user/records` object (§3 B2C); fields Visita does not keep answer empty. */
export function presentUserRecord(c: ClientAppointment) {
  const a = c.appointment;
  return presentBookedRecord(a, {
    location: c.location,
    settings: c.settings,
    member: a.staff,
    serviceTitle: (id) => a.serviceTitles[id] ?? '',
    datetime: isoWithCompactOffset,
  });
}
