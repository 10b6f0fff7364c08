import { presentPromo } from './promo';
import {
  isoWithCompactOffset,
  roleHasRight,
  utcOffsetHours,
  type Location,
  type Right,
  type Role,
} from '@visita/core';

const socialOf = (links: Record<string, string>) => ({
  facebook: links.facebook ?? '',
  vk: links.vk ?? '',
  instagram: links.instagram ?? '',
  telegram: links.telegram ?? '',
  whatsapp: links.whatsapp ?? '',
  viber: links.viber ?? '',
});

/**
 * The documented company object. Reference data Visita keeps as free text (country, city) has
 * id 0; features it does not have (mobile apps, photos, booking forms, payments) answer empty.
 */
export function presentCompany(location: Location, now: number) {
  const chain = { id: location.chainId, title: location.chainTitle };
  return {
    id: location.id,
    title: location.title,
    public_title: location.title,
    short_descr: location.shortDescr,
    description: location.description,
    logo: location.logo,
    active: location.active ? 1 : 0,
    country_id: 0,
    country: location.country,
    city_id: 0,
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
    social: socialOf(location.social),
    schedule: location.schedule,
    currency_short_title: location.currency,
    phone_confirmation: location.phoneConfirmation,
    push_notification_phone_confirm: 0,
    business_type_id: 0,
    active_staff_count: 0,
    next_slot: '',
    app_ios: '',
    app_android: '',
    group_priority: 0,
    bookform_group_priority: 0,
    main_group_id: location.chainId,
    main_group: chain,
    groups: { [location.chainId]: chain },
    // The location's one booking form (see GET /company/{id}/booking_forms).
    bookforms: [{ id: location.id, title: location.title, is_default: 1, url: '' }],
    online_sales_form_url: '',
    booking_widget_promo: presentPromo(location.promo),
    company_photos: [],
    photos: [],
    reminds_sms_default: 0,
    reminds_sms_disabled: false,
    payment_policy: { type: 'none' },
    access: {},
    last_change_date: isoWithCompactOffset(location.updatedAt.getTime(), location.timezone),
  };
}

/**
 * A chain's `access` flags ("1"/"0", as the docs) from the user's role granted on the whole
 * chain; a user granted only some locations has no chain-wide access. Loyalty is not built yet.
 */
export function presentChainAccess(role: Role | null) {
  const may = (right: Right) => (role && roleHasRight(role, right) ? '1' : '0');
  return {
    settings_access: may('settings:write'),
    clients_access: may('clients:read'),
    users_access: may('users:manage'),
    loyalty_access: '0',
    loyalty_cards_manual_transactions_access: '0',
    network_services_access: may('catalog:write'),
  };
}
