import type { OutboxHandlers } from '../outbox-worker';
import type { JobHandlers } from '../job-worker';
import { pushJobHandlers, type PushContext } from '../push/deliver';
import { appointmentEventHandlers } from './appointment-events';
import { bulkJobHandlers } from './bulk-fanout';
import type { NotifyContext } from './compose';
import { loyaltyEventHandlers } from './loyalty-events';
import { scheduledJobHandlers } from './scheduled';

export { ensureBirthdayScan } from './scheduled';
export type { NotifyContext } from './compose';

/** Everything the notification engine plugs into the two workers. */
export function notificationEngine(ctx: NotifyContext & { push: PushContext }): {
  outboxHandlers: OutboxHandlers;
  jobHandlers: JobHandlers;
} {
  return {
    outboxHandlers: { ...appointmentEventHandlers(ctx), ...loyaltyEventHandlers(ctx) },
    jobHandlers: {
      ...scheduledJobHandlers(ctx),
      ...bulkJobHandlers(ctx),
      ...pushJobHandlers(ctx.push),
    },
  };
}
