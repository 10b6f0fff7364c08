import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import { attendanceChanged, type ChangeOrigin } from './appointment-events';
import type { AppointmentsRepo, OutboxRepo } from './ports';
import type { Attendance } from './types';

type Deps = { uow: UnitOfWork<{ appointments: AppointmentsRepo; outbox: OutboxRepo }> };

/**
 * POST /company/{id}/records/{record_id}/attendance: 2 confirmed, 1 arrived, 0 waiting,
 * -1 no-show. Sending the current status changes nothing and emits nothing; 2 also marks the
 * appointment confirmed and emits `appointment.confirmed`, the rest `appointment.attendance_changed`.
 */
export async function changeAttendance(
  deps: Deps,
  locationId: number,
  id: number,
  attendance: Attendance,
  origin: ChangeOrigin,
): Promise<Attendance> {
  return deps.uow(async (r) => {
    const before = await r.appointments.findAppointment(locationId, id);
    if (!before) throw notFound('Record');
    if (before.attendance === attendance) return attendance;
    const confirmed = attendance === 2 ? true : before.confirmed;
    await r.appointments.setAttendance(id, attendance, confirmed);
    await r.outbox.addEvent(
      attendanceChanged({ ...before, attendance, confirmed }, before.attendance, origin),
    );
    return attendance;
  });
}
