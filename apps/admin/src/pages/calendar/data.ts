import { admin, query, v1 } from '../../api';
import type {
  Appointment,
  FreeTime,
  GroupEvent,
  Service,
  StaffScheduleDay,
  TeamMember,
} from '../../types';
import { addDays } from '../../time';
import { loadMarker } from './live';

export interface CalendarData {
  members: TeamMember[];
  schedules: StaffScheduleDay[];
  appointments: Appointment[];
  events: GroupEvent[];
  /** The location's slot step in minutes: a dragged appointment snaps to it. */
  stepMinutes: number;
  /** The change marker read just before the rest, and the days it covers ("from/days"). */
  marker: string;
  range: string;
}

/** Everything the calendar shows for `days` days from `from`, read from the Altegio-compatible API. */
export async function loadCalendar(
  locationId: number,
  from: string,
  days: number,
): Promise<CalendarData> {
  const to = addDays(from, days - 1);
  // The marker first: a change made while the rest is read then moves it past this value.
  const marker = await loadMarker(locationId, from, days);
  const [staff, schedules, appointments, events, step] = await Promise.all([
    v1.get<TeamMember[]>(`/company/${locationId}/staff`),
    v1.get<StaffScheduleDay[]>(
      `/company/${locationId}/staff/schedule${query({ start_date: from, end_date: to })}`,
    ),
    loadAppointments(locationId, from, to),
    v1.get<GroupEvent[]>(`/activity/${locationId}/search${query({ from, till: to, count: 200 })}`),
    // Without catalog:read the step is unknown; quarter hours then, the server still decides.
    v1
      .get<{ timetable_step: number }>(`/company/${locationId}/settings/timetable`)
      .then((res) => res.data.timetable_step / 60)
      .catch(() => 15),
  ]);
  return {
    members: staff.data.filter((m) => !m.fired),
    schedules: schedules.data,
    appointments,
    events: events.data,
    stepMinutes: step,
    marker,
    range: `${from}/${days}`,
  };
}

/**
 * Moves an appointment to a team member and a local time ("YYYY-MM-DD HH:mm:ss" or ISO): PUT
 * /record is a full replacement, so everything else is sent back as it is.
 */
export function moveAppointment(
  locationId: number,
  a: Appointment,
  staffId: number,
  datetime: string,
): Promise<unknown> {
  return v1.put(`/record/${locationId}/${a.id}`, {
    staff_id: staffId,
    services: a.services.map((s) => ({
      id: s.id,
      first_cost: s.first_cost,
      discount: s.discount,
    })),
    ...(a.client
      ? {
          client: {
            phone: a.client.phone,
            name: a.client.name,
            surname: a.client.surname,
            email: a.client.email,
          },
        }
      : {}),
    datetime,
    seance_length: a.seance_length,
    comment: a.comment,
    attendance: a.attendance,
    custom_color: a.custom_color,
    api_id: a.api_id || null,
  });
}

async function loadAppointments(
  locationId: number,
  from: string,
  to: string,
): Promise<Appointment[]> {
  const all: Appointment[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await v1.get<Appointment[], { total_count: number }>(
      `/records/${locationId}${query({ start_date: from, end_date: to, page, count: 500 })}`,
    );
    all.push(...res.data);
    if (all.length >= res.meta.total_count || res.data.length === 0) break;
  }
  return all;
}

export async function loadServices(locationId: number): Promise<Service[]> {
  const res = await v1.get<Service[]>(`/company/${locationId}/services`);
  // `active` is only the online-booking flag: the desk books every service of the location.
  return res.data;
}

export async function loadFreeTimes(
  locationId: number,
  staffId: number,
  date: string,
  serviceIds: number[],
  /** The appointment being moved: its own time is free for it. */
  movingRecordId?: number,
): Promise<FreeTime[]> {
  const res = await admin.get<FreeTime[]>(
    `/locations/${locationId}/free_times/${staffId}/${date}${query({
      service_ids: serviceIds,
      ...(movingRecordId !== undefined ? { record_id: movingRecordId } : {}),
    })}`,
  );
  return res.data;
}

export const ATTENDANCE = [
  { value: 0, label: 'Waiting', className: 'waiting' },
  { value: 2, label: 'Confirmed', className: 'confirmed' },
  { value: 1, label: 'Arrived', className: 'arrived' },
  { value: -1, label: 'No-show', className: 'no-show' },
] as const;

export function attendanceOf(value: number) {
  return ATTENDANCE.find((a) => a.value === value) ?? ATTENDANCE[0];
}

export function clientName(a: Appointment): string {
  return a.client ? a.client.display_name || a.client.name || a.client.phone : 'Walk-in';
}
