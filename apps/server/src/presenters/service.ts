import type { Service, ServiceCategory, ServiceStaffLinkView } from '@visita/core';

/**
 * The documented service object. Fields for features Visita does not model (taxes, chain-managed
 * catalogs, prepayment, memberships, date limits) carry their neutral values.
 */
export function presentService(service: Service) {
  const online = service.onlineBookable ? 1 : 0;
  return {
    id: service.id,
    salon_service_id: service.id,
    title: service.title,
    booking_title: service.title,
    print_title: service.title,
    category_id: service.categoryId ?? 0,
    price_min: service.priceMin,
    price_max: service.priceMax,
    discount: service.discount,
    comment: service.comment,
    weight: service.weight,
    // Altegio's `active` is the online-booking flag; `is_online` and `service_type` spell it too.
    active: online,
    is_online: service.onlineBookable,
    service_type: online,
    api_id: service.apiId ?? '',
    api_service_id: service.apiId && /^\d{1,9}$/.test(service.apiId) ? Number(service.apiId) : 0,
    duration: service.durationSeconds,
    technical_break_duration: null,
    tax_variant: 0,
    vat_id: 0,
    repeat_visit_days_step: null,
    seance_search_start: 0,
    seance_search_finish: 0,
    seance_search_step: 0,
    step: 0,
    is_need_limit_date: false,
    date_from: '',
    date_to: '',
    dates: [],
    schedule_template_type: 0,
    online_invoicing_status: 0,
    is_abonement_autopayment_enabled: 0,
    autopayment_before_visit_time: 0,
    abonement_restriction_value: 0,
    is_chain: false,
    is_price_managed_only_in_chain: false,
    is_comment_managed_only_in_chain: false,
    price_prepaid_amount: 0,
    price_prepaid_percent: 0,
    prepaid: 'forbidden',
    is_multi: false,
    capacity: 0,
    image_group: [],
    staff: service.staff.map((link) => ({
      id: link.staffId,
      seance_length: link.durationSeconds ?? service.durationSeconds,
      technological_card_id: 0,
      price: link.price,
    })),
    resources: service.resourceIds,
  };
}

export function presentServiceStaffLink(link: ServiceStaffLinkView) {
  return {
    service_id: link.serviceId,
    master_id: link.staffId,
    length: link.durationSeconds,
    technological_card_id: 0,
    price: link.price,
  };
}

export function presentServiceCategory(category: ServiceCategory) {
  return {
    id: category.id,
    salon_service_id: category.id,
    title: category.title,
    is_chain: false,
    api_id: category.apiId ?? '',
    weight: category.weight,
    staff: category.staffIds,
  };
}
