import type { LocalBusyInterval, ScheduleDay, StaffScheduleView } from '@visita/core';

function presentBusy(busy: LocalBusyInterval) {
  return {
    ...(busy.entity ? { entity_type: busy.entity.type, entity_id: busy.entity.id } : {}),
    from: busy.from,
    to: busy.to,
  };
}

/** `GET|PUT /company/{id}/staff/schedule` item; off-day kinds are not modelled, hence null. */
export function presentStaffSchedule(day: StaffScheduleView) {
  return {
    staff_id: day.staffId,
    date: day.date,
    slots: day.slots.map((s) => ({ from: s.from, to: s.to })),
    ...(day.busy ? { busy_intervals: day.busy.map(presentBusy) } : {}),
    off_day_type: null,
  };
}

/** The deprecated `/schedule/{id}/{staff_id}/...` item. */
export function presentScheduleDay(day: ScheduleDay) {
  return {
    date: day.date,
    is_working: day.working ? 1 : 0,
    slots: day.slots.map((s) => ({ from: s.from, to: s.to })),
  };
}
