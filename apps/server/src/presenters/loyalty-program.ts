import type { ChainLocation, LoyaltyCardType, LoyaltyProgram } from '@visita/core';
import { loyaltyTypeOf } from './loyalty';

export const PROGRAM_INCLUDES = [
  'applicable_items',
  'rules',
  'companies',
  'loyalty_card_types',
  'on_changed_notification_template',
  'on_expiration_notification_template',
] as const;
type Include = (typeof PROGRAM_INCLUDES)[number];

export const parseIncludes = (raw: string | undefined): Set<Include> =>
  new Set(
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s): s is Include => (PROGRAM_INCLUDES as readonly string[]).includes(s)),
  );

const template = (t: LoyaltyProgram['onChangedTemplate']) =>
  t ? { id: t.id, type: t.type, body: t.body, message_type: t.messageType } : null;

/** The seed's promotion object; relations only on request (`include=`), as the seed documents. */
export function presentProgram(
  p: LoyaltyProgram,
  include: Set<Include>,
  related: {
    locations: ChainLocation[];
    cardTypes: LoyaltyCardType[];
    items: { id: number; title: string; isCategory: boolean }[];
  },
) {
  const loyaltyTypeId = loyaltyTypeOf(p).id;
  return {
    id: p.id,
    title: p.title,
    type: p.type,
    service_item_type: p.serviceItemType,
    good_item_type: p.goodItemType,
    value_unit: p.valueUnit,
    usage_limit: p.usageLimit,
    visit_multiplicity: p.visitMultiplicity,
    sold_items_multiplicity: p.soldItemsMultiplicity,
    expiration_timeout: p.expirationTimeout,
    expiration_timeout_unit: p.expirationTimeoutUnit,
    expiration_notification_timeout: p.expirationNotificationTimeout,
    params_source_type: p.paramsSourceType,
    history_start_date: p.historyStartDate,
    on_changed_notification_template_id: p.onChangedTemplate?.id ?? null,
    on_expiration_notification_template_id: p.onExpirationTemplate?.id ?? null,
    // Visita: the stored list as written; [] = every location, also ones added later.
    company_ids: p.locationIds,
    // Visita: the goods lists as saved; without them an edit could not keep them.
    allowed_good_ids: p.allowedGoodIds,
    allowed_good_category_ids: p.allowedGoodCategoryIds,
    ...(include.has('loyalty_card_types')
      ? {
          loyalty_card_types: related.cardTypes
            .filter((t) => p.cardTypeIds.includes(t.id))
            .map((t) => ({ id: t.id, title: t.title })),
        }
      : {}),
    ...(include.has('on_changed_notification_template')
      ? { on_changed_notification_template: template(p.onChangedTemplate) }
      : {}),
    ...(include.has('on_expiration_notification_template')
      ? { on_expiration_notification_template: template(p.onExpirationTemplate) }
      : {}),
    ...(include.has('rules')
      ? {
          rules: p.rules.map((r) => ({
            id: r.id,
            parameter: r.parameter,
            value: r.value,
            loyalty_program_id: p.id,
            loyalty_type_id: loyaltyTypeId,
            service_id: r.serviceId,
          })),
        }
      : {}),
    ...(include.has('companies')
      ? {
          companies: related.locations
            .filter((l) => p.locationIds.length === 0 || p.locationIds.includes(l.id))
            .map((l) => ({ id: l.id, title: l.title, timezone: l.timezone })),
        }
      : {}),
    ...(include.has('applicable_items')
      ? {
          applicable_items: related.items.map((i) => ({
            id: i.id,
            title: i.title,
            is_service: !i.isCategory,
            is_category: i.isCategory,
          })),
        }
      : {}),
  };
}
