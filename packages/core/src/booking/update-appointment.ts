import { invalid, notFound } from '../errors/domain-error';
import {
  appointmentMovedOrUpdated,
  attendanceChanged,
  type ChangeOrigin,
} from './appointment-events';
import {
  loadLocation,
  planAppointmentTime,
  resolveClient,
  type AppointmentRequest,
} from './appointment-plan';
import type { AppointmentWriteDeps } from './create-appointment';
import type { AppointmentView } from './records-ports';
import type { AppointmentDraft } from './types';

/**
 * PUT /record: a full replacement, as the contract says (fields left out take their defaults;
 * integrations read first and send everything back). Moving the time or team member emits
 * `appointment.moved`, anything else `appointment.updated`; a new attendance adds its own event.
 * An event's appointment keeps the event's team member and time; only its own fields change.
 */
export async function updateAppointment(
  deps: Pick<AppointmentWriteDeps, 'uow'>,
  locationId: number,
  id: number,
  request: AppointmentRequest,
  origin: ChangeOrigin,
): Promise<AppointmentView> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const before = await r.appointments.findAppointment(locationId, id);
    if (!before) throw notFound('Record');
    if (request.activityId && request.activityId !== before.activityId)
      throw invalid('activity_id', 'activity_id cannot change; delete and create the appointment');

    const time =
      before.activityId === null
        ? await planAppointmentTime(
            r,
            locationId,
            location.timezone,
            request,
            before.resourceInstances,
          )
        : {
            staffId: before.staffId,
            start: before.start,
            end: before.end,
            steps: before.steps,
            resourceInstances: before.resourceInstances,
          };
    const attendance = request.attendance ?? 0;
    const draft: AppointmentDraft = {
      ...before,
      ...time,
      clientId: await resolveClient(r, locationId, request.client),
      attendance,
      confirmed: attendance === 2 ? true : before.confirmed,
      comment: request.comment ?? '',
      apiId: request.apiId ?? null,
      notifyBySms: request.smsRemainHours ?? 0,
      notifyByEmail: request.emailRemainHours ?? 0,
      customColor: request.customColor ?? '',
    };
    const after = await r.appointments.replaceAppointment(id, draft);
    await r.outbox.addEvent(appointmentMovedOrUpdated(before, after, origin));
    if (after.attendance !== before.attendance)
      await r.outbox.addEvent(attendanceChanged(after, before.attendance, origin));
    return (await r.appointmentQueries.findAppointmentView(locationId, id))!;
  });
}
