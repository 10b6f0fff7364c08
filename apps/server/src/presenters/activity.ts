import { localDateTime, type ActivityView } from '@visita/core';

/** The contract's group event object (GET/POST/PUT /activity and the search). */
export function presentActivity(a: ActivityView) {
  return {
    id: a.id,
    company_id: a.locationId,
    service_id: a.serviceId,
    staff_id: a.staffId,
    date: localDateTime(a.start, a.timeZone),
    timestamp: Math.floor(a.start / 1000),
    length: Math.round((a.end - a.start) / 1000),
    capacity: a.capacity,
    records_count: a.bookedCount,
    color: '',
    font_color: '',
    instructions: '',
    stream_link: '',
    notified: false,
    comment: a.comment,
    prepaid: 'forbidden',
    is_deleted: a.deletedAt !== null,
    service: {
      id: a.service.id,
      title: a.service.title,
      category_id: a.service.categoryId ?? 0,
      price_min: a.service.priceMin,
      price_max: a.service.priceMax,
    },
    staff: {
      id: a.staff.id,
      name: a.staff.name,
      company_id: a.locationId,
      specialization: a.staff.specialization,
      avatar: a.staff.avatar,
    },
    resource_instances: [],
    labels: [],
  };
}
