import type { Service, ServiceCategory, ServiceStaffLinkView } from '@visita/core';

export function presentService(service: Service) {
  return {
    id: service.id,
    title: service.title,
    category_id: service.categoryId,
    price_min: service.priceMin,
    price_max: service.priceMax,
    discount: service.discount,
    comment: service.comment,
    weight: service.weight,
    // Altegio's `active` is the online-booking flag; `is_online` is its newer spelling.
    active: service.onlineBookable ? 1 : 0,
    is_online: service.onlineBookable,
    api_id: service.apiId ?? '',
    duration: service.durationSeconds,
    seance_length: service.durationSeconds,
    staff: service.staff.map((link) => ({
      id: link.staffId,
      seance_length: link.durationSeconds ?? service.durationSeconds,
      price: link.price,
    })),
    resources: service.resourceIds,
  };
}

export function presentServiceStaffLink(link: ServiceStaffLinkView) {
  return {
    service_id: link.serviceId,
    master_id: link.staffId,
    staff_id: link.staffId,
    length: link.durationSeconds,
    seance_length: link.durationSeconds,
    price: link.price,
  };
}

export function presentServiceCategory(category: ServiceCategory) {
  return {
    id: category.id,
    title: category.title,
    api_id: category.apiId ?? '',
    weight: category.weight,
    staff: category.staffIds,
  };
}
