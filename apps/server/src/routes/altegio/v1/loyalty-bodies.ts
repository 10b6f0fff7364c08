import type { Static } from 'typebox';
import {
  invalid,
  toCents,
  type CertificateTypeInput,
  type LoyaltyProgramInput,
  type MembershipTypeInput,
  type PeriodUnit,
} from '@visita/core';
import type { CertificateTypeBody, MembershipTypeBody, ProgramBody } from '@visita/contracts';

/** Wire bodies → domain inputs (names as the contract spells them, money to cents). */
export function certificateTypeInput(b: Static<typeof CertificateTypeBody>): CertificateTypeInput {
  let date: number | null = null;
  if (b.expiration.date) {
    date = Date.parse(b.expiration.date);
    if (Number.isNaN(date))
      throw invalid('expiration.date', 'expiration.date must be an ISO 8601 date-time');
  }
  return {
    title: b.title,
    balanceCents: toCents(b.balance),
    isMulti: b.is_multi,
    itemTypeId: b.item_type_id as CertificateTypeInput['itemTypeId'],
    categoryId: b.category_id ?? null,
    serviceIds: b.service_ids,
    locationIds: b.salon_ids,
    expiration: {
      typeId: b.expiration.type_id as 0 | 1 | 2,
      date,
      timeout: b.expiration.timeout ?? null,
      timeoutUnitId: (b.expiration.timeout_unit_id ?? null) as PeriodUnit | null,
    },
    balanceEditTypeId: b.balance_edit_type_id as 1 | 2,
    isAllowEmptyCode: b.is_allow_empty_code,
    onlineSale: {
      enabled: b.online_sale.is_enabled,
      title: b.online_sale.title ?? '',
      description: b.online_sale.description ?? '',
      priceCents: toCents(b.online_sale.price ?? 0),
    },
  };
}

export function membershipTypeInput(b: Static<typeof MembershipTypeBody>): MembershipTypeInput {
  const unlimited = b.is_united_balance_unlimited ?? false;
  const visits = b.united_balance_services_count ?? 0;
  if (!unlimited && visits <= 0)
    throw invalid(
      'united_balance_services_count',
      'united_balance_services_count must be positive (or is_united_balance_unlimited true)',
    );
  return {
    title: b.title,
    visits: unlimited ? null : visits,
    serviceIds: b.services ?? [],
    categoryIds: b.service_categories ?? [],
    period: b.period,
    periodUnitId: b.period_unit_id as PeriodUnit,
    allowFreeze: b.allow_freeze ?? false,
    freezeLimitDays: b.freeze_limit ?? 0,
    priceCents: toCents(b.cost),
    locationIds: b.salon_ids ?? [],
    onlineSale: {
      enabled: b.is_online_sale_enabled ?? false,
      title: b.online_sale_title ?? '',
      description: b.online_sale_description ?? '',
      priceCents: toCents(b.online_sale_price ?? 0),
    },
  };
}

export function programInput(b: Static<typeof ProgramBody>): LoyaltyProgramInput {
  return {
    title: b.title,
    type: b.type,
    serviceItemType: b.service_item_type,
    goodItemType: b.good_item_type,
    valueUnit: b.value_unit,
    allowedServiceIds: b.allowed_service_ids ?? [],
    allowedServiceCategoryIds: b.allowed_service_category_ids ?? [],
    allowedGoodIds: b.allowed_good_ids ?? [],
    allowedGoodCategoryIds: b.allowed_good_category_ids ?? [],
    usageLimit: b.usage_limit ?? 0,
    visitMultiplicity: b.visit_multiplicity ?? 0,
    soldItemsMultiplicity: b.sold_items_multiplicity ?? 0,
    expirationTimeout: b.expiration_timeout ?? 0,
    expirationTimeoutUnit: b.expiration_timeout_unit ?? null,
    expirationNotificationTimeout: b.expiration_notification_timeout ?? 0,
    paramsSourceType: b.params_source_type ?? 'loyalty_card',
    historyStartDate: b.history_start_date ?? null,
    locationIds: b.company_ids,
    cardTypeIds: b.loyalty_card_type_ids ?? [],
    rules: b.rules.map((r) => ({
      parameter: r.parameter ?? 0,
      value: r.value,
      serviceId: r.service_id ?? 0,
    })),
    onChangedTemplate: b.on_changed_notification_template
      ? {
          type: b.on_changed_notification_template.type,
          body: b.on_changed_notification_template.body ?? '',
        }
      : null,
    onExpirationTemplate: b.on_expiration_notification_template
      ? {
          type: b.on_expiration_notification_template.type,
          body: b.on_expiration_notification_template.body ?? '',
        }
      : null,
  };
}
