import { isoWithCompactOffset, utcOffsetHours, type Location } from '@visita/core';

export function presentCompany(location: Location, now: number) {
  return {
    id: location.id,
    title: location.title,
    short_descr: location.shortDescr,
    description: location.description,
    logo: location.logo,
    active: location.active ? 1 : 0,
    country: location.country,
    city: location.city,
    address: location.address,
    zip: location.zip,
    coordinate_lat: location.coordinateLat,
    coordinate_lon: location.coordinateLon,
    timezone_name: location.timezone,
    timezone: utcOffsetHours(now, location.timezone),
    phone: location.phone,
    phones: location.phones,
    email: location.email,
    site: location.site,
    social: location.social,
    schedule: location.schedule,
    currency_short_title: location.currency,
    phone_confirmation: location.phoneConfirmation,
    group_priority: 0,
    main_group_id: location.chainId,
    main_group: { id: location.chainId, title: location.chainTitle },
    last_change_date: isoWithCompactOffset(location.updatedAt.getTime(), location.timezone),
  };
}
