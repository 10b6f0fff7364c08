import { subtractInterval, type SlotQuery } from '../scheduling';
import type { Appointment } from './types';

/**
 * The appointment's own time must not count as busy when it is moved: its team member's and
 * resource instances' holds are cut out of the busy lists (which arrive merged, so a hold
 * touching the next appointment is cut out of the merged interval, not looked for as is).
 */
export function withoutOwnTime(query: SlotQuery, appointment: Appointment): SlotQuery {
  const own = { start: appointment.start, end: appointment.end };
  return {
    ...query,
    staff: query.staff.map((s) =>
      s.staffId !== appointment.staffId ? s : { ...s, busy: subtractInterval(s.busy, own) },
    ),
    resources: query.resources.map((pool) => ({
      ...pool,
      instances: pool.instances.map((i) => ({
        ...i,
        busy: appointment.resourceInstances
          .filter((held) => held.instanceId === i.instanceId)
          .reduce((busy, held) => subtractInterval(busy, held.interval), i.busy),
      })),
    })),
  };
}
