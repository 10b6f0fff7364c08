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
    service: {
      id: a.service.id,
      title: a.service.title,
      category_id: a.service.categoryId ?? 0,
      price_min: a.service.priceMin,
      price_max: a.service.priceMax,
      comment: a.service.comment,
      image_url: '',
      salon_service_id: a.service.id,
      prepaid: 'forbidden',
      // A service without a category sits at the root (category 0).
      category: {
        id: a.service.categoryId ?? 0,
        category_id: 0,
        title: a.service.categoryTitle ?? '',
      },
    },
    staff: {
      id: a.staff.id,
      name: a.staff.name,
      company_id: a.locationId,
      specialization: a.staff.specialization,
      rating: a.staff.rating,
      show_rating: 0,
      avatar: a.staff.avatar,
      avatar_big: a.staff.avatar,
      comments_count: 0,
      votes_count: a.staff.votesCount,
      average_score: a.staff.rating,
      prepaid: 'forbidden',
      position: a.staff.position ?? [],
    },
    resource_instances: [],
    labels: [],
    duration_details: [],
  };
}
