import { describe, expect, it } from 'vitest';
import { targetOf } from '../sw/target';

// The server's payload (pushPayload in packages/jobs; apps/client may not import it, so the
// browser test client-app.browser.ts delivers the real one through the real service worker).
const server = (type: number, url: string, appointmentId: number | null) => ({
  id: 41,
  tag: 'visita-41',
  type,
  title: 'Studio Lumen',
  body: 'Hello',
  url,
  location_id: 3,
  appointment_id: appointmentId,
});

describe('where a tapped notification leads (service worker)', () => {
  it('the server’s link wins: a review request opens the review form', () => {
    expect(targetOf(server(8, '/app/appointments/12/review', 12))).toBe(
      '/app/appointments/12/review',
    );
    expect(targetOf(server(9, '/app/book/3', null))).toBe('/app/book/3');
  });
  it('without a link: the appointment, a book action, else the inbox', () => {
    expect(targetOf({ appointment_id: 5 })).toBe('/app/appointments/5');
    expect(targetOf({ action: 'book', location_id: 2 })).toBe('/app/book/2');
    expect(targetOf({})).toBe('/app/notifications');
  });
  it('never follows a link off the origin', () => {
    expect(targetOf({ url: 'https://evil.example/x' })).toBe('/app/notifications');
    expect(targetOf({ url: '//evil.example/x', appointment_id: 5 })).toBe('/app/appointments/5');
  });
});
