/** What the server pushes (`pushPayload` in packages/jobs) and older/hand-made payloads. */
export interface PushPayload {
  id?: number;
  notification_id?: number;
  sender?: string;
  title?: string;
  body?: string;
  url?: string;
  location_id?: number | null;
  appointment_id?: number | null;
  action?: string;
}

/**
 * The screen a tapped notification opens: the server's own link (an app path such as
 * `/app/appointments/5/review`), else its appointment, its location's booking, or the inbox.
 * Pure, so it is unit-tested (apps/client/test/sw-target.test.ts).
 */
export function targetOf(data: PushPayload): string {
  if (data.url && data.url.startsWith('/') && !data.url.startsWith('//')) return data.url;
  if (data.appointment_id) return `/app/appointments/${data.appointment_id}`;
  if (data.action === 'book' && data.location_id) return `/app/book/${data.location_id}`;
  return '/app/notifications';
}
