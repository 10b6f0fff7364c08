import type { ClientCategory, ClientProfile } from '@visita/core';
import { isoWithCompactOffset } from '@visita/core';

const SEX = ['Unknown', 'Male', 'Female'] as const;
const IMPORTANCE = ['No importance class', 'Bronze', 'Silver', 'Gold'] as const;

/** Money as the contract shows it: a number with at most two decimals. */
const money = (value: number) => Math.round(value * 100) / 100;

/** The contract's Client object (GET /client/{id}/{id} and friends). */
export function presentClient(c: ClientProfile) {
  return {
    id: c.id,
    name: c.name,
    surname: c.surname,
    patronymic: c.patronymic,
    phone: c.phone,
    email: c.email,
    categories: c.categories.map((k) => ({ id: k.id, title: k.title, color: k.color })),
    sex: SEX[c.sexId],
    sex_id: c.sexId,
    discount: c.discount,
    importance_id: c.importanceId,
    importance: IMPORTANCE[c.importanceId],
    card: c.card,
    birth_date: c.birthDate ?? '',
    comment: c.comment,
    sms_check: c.smsCheck ? 1 : 0,
    sms_not: c.smsNot ? 1 : 0,
    spent: money(c.spent),
    balance: money(c.balance),
    visits: c.visits,
    last_change_date: isoWithCompactOffset(c.updatedAt.getTime(), c.timeZone),
    custom_fields: c.customFields,
    has_app: c.hasApp,
  };
}

type SearchItem = ReturnType<typeof presentClient> & {
  first_visit_date: string | null;
  last_visit_date: string | null;
  sold_amount: number;
  visits_count: number;
};

/** A clients-search hit: the Client plus the sort keys, cut down to `fields` when given. */
export function presentClientSearchItem(c: ClientProfile, fields?: readonly string[]) {
  const at = (d: Date | null) => (d ? isoWithCompactOffset(d.getTime(), c.timeZone) : null);
  const full: SearchItem = {
    ...presentClient(c),
    first_visit_date: at(c.firstVisitAt),
    last_visit_date: at(c.lastVisitAt),
    sold_amount: money(c.spent),
    visits_count: c.visits,
  };
  if (!fields?.length) return full;
  const picked: Partial<SearchItem> = {};
  for (const field of fields) {
    const key = field as keyof SearchItem;
    (picked as Record<string, unknown>)[key] = full[key];
  }
  return picked;
}

/** A client category as the labels endpoints show it. */
export function presentClientCategory(k: ClientCategory) {
  return {
    id: k.id,
    salon_id: k.locationId,
    title: k.title,
    color: k.color,
    icon: 'tag',
    entity: 1,
    deleted: 0,
    not_editable: 0,
  };
}
