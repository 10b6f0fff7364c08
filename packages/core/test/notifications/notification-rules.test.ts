import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  birthdayGreetingDue,
  formatForClient,
  mergeSettings,
  renderTemplate,
  reminderAt,
  senderName,
  unknownPlaceholders,
  type InboxNotification,
} from '../../src';

const at = (iso: string) => new Date(iso).getTime();

describe('templates', () => {
  it('fills placeholders and tidies what empty ones leave behind', () => {
    expect(
      renderTemplate('{client}, {services} with {team_member} on {date}. {link}', {
        client: 'Clara',
        services: 'Cut',
        team_member: '',
        date: '01.12.2026',
        link: 'https://v.test/a/1',
      }),
    ).toBe('Clara, Cut on 01.12.2026. https://v.test/a/1');
    expect(unknownPlaceholders('Hi {client}, {nickname} {date}')).toEqual(['nickname']);
  });

  it('shows date and time on the location’s wall clock in the client’s format', () => {
    // 1 Dec 2026 14:30Z is 15:30 in Berlin and 09:30 in New York.
    const instant = at('2026-12-01T14:30:00Z');
    expect(
      formatForClient(instant, 'Europe/Berlin', { dateFormat: 'DD.MM.YYYY', time24h: true }),
    ).toEqual({ date: '01.12.2026', time: '15:30' });
    expect(
      formatForClient(instant, 'America/New_York', { dateFormat: 'MM/DD/YYYY', time24h: false }),
    ).toEqual({ date: '12/01/2026', time: '9:30 AM' });
    expect(
      formatForClient(at('2026-12-01T11:05:00Z'), 'Europe/Berlin', {
        dateFormat: 'YYYY-MM-DD',
        time24h: false,
      }),
    ).toEqual({ date: '2026-12-01', time: '12:05 PM' });
  });

  it('the sender is the brand name, else Visita', () => {
    expect(senderName('  Studio Nord ')).toBe('Studio Nord');
    expect(senderName('   ')).toBe('Visita');
  });
});

describe('timing', () => {
  it('a reminder 24 h before a visit after a DST change is 24 real hours', () => {
    // 29 Mar 2027 10:00 Berlin (CEST, UTC+2) = 08:00Z; the day before was CET.
    expect(new Date(reminderAt(at('2027-03-29T08:00:00Z'), 24)).toISOString()).toBe(
      '2027-03-28T08:00:00.000Z',
    );
  });

  it('birthdays: the local day and hour of the location; 29 February on 28 February in common years', () => {
    // 09:30Z on 5 Dec is 10:30 in Berlin, 04:30 in New York.
    expect(
      birthdayGreetingDue('1990-12-05', at('2026-12-05T09:30:00Z'), 'Europe/Berlin', 10).due,
    ).toBe(true);
    expect(
      birthdayGreetingDue('1990-12-05', at('2026-12-05T09:30:00Z'), 'America/New_York', 10).due,
    ).toBe(false);
    expect(
      birthdayGreetingDue('1990-12-05', at('2026-12-05T08:30:00Z'), 'Europe/Berlin', 10).due,
    ).toBe(false);
    // 23:30Z on 4 Dec is already 5 Dec in Berlin.
    expect(
      birthdayGreetingDue('1990-12-05', at('2026-12-04T23:30:00Z'), 'Europe/Berlin', 0).due,
    ).toBe(true);
    expect(
      birthdayGreetingDue('2000-02-29', at('2027-02-28T12:00:00Z'), 'Europe/Berlin', 10).due,
    ).toBe(true);
    expect(
      birthdayGreetingDue('2000-02-29', at('2028-02-28T12:00:00Z'), 'Europe/Berlin', 10).due,
    ).toBe(false);
    expect(
      birthdayGreetingDue('2000-02-29', at('2028-02-29T12:00:00Z'), 'Europe/Berlin', 10).due,
    ).toBe(true);
  });
});

describe('settings and actions', () => {
  it('merges stored settings over the defaults of all 13 types', () => {
    const merged = mergeSettings([{ type: 5, enabled: false, template: 'x {link}', timing: 2 }]);
    expect(merged).toHaveLength(13);
    expect(merged[4]).toEqual({ type: 5, enabled: false, template: 'x {link}', timing: 2 });
    expect(merged[3]).toMatchObject({ type: 4, enabled: false, timing: null });
    expect(merged[0]).toMatchObject({ type: 1, enabled: true });
  });

  it('Details for appointment types, Book for reminders and bulk, Confirm for requests', () => {
    const base: InboxNotification = {
      id: 1,
      type: 5,
      locationId: 7,
      sender: 'S',
      title: 'T',
      body: 'B',
      link: '',
      appointmentId: 3,
      bulkPushId: null,
      createdAt: new Date(0),
      readAt: null,
      confirmedAt: null,
    };
    expect(actionsOf(base).map((a) => a.kind)).toEqual(['details', 'book']);
    expect(actionsOf({ ...base, type: 4 }).map((a) => a.kind)).toEqual(['details', 'confirm']);
    expect(actionsOf({ ...base, type: 4, confirmedAt: new Date() })[1]).toMatchObject({
      done: true,
    });
    expect(actionsOf({ ...base, type: 13, appointmentId: null })).toEqual([
      { kind: 'book', locationId: 7, url: '/app/book/7' },
    ]);
    expect(actionsOf({ ...base, type: 12, appointmentId: null })).toEqual([]);
  });
});
