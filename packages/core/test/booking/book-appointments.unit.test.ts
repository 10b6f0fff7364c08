import { describe, expect, it } from 'vitest';
import {
  bookAppointments,
  DomainError,
  rescheduleOnlineAppointment,
  type BookAppointmentsInput,
} from '../../src';
import { inMemoryBooking, sha256Tokens } from '../support/in-memory-booking';

/** The booking use cases on in-memory ports: the rules, in milliseconds, without Fastify or SQL. */
function salon() {
  const world = inMemoryBooking('2026-11-28T10:00:00Z');
  const loc = world.addLocation({ timezone: 'Europe/Berlin' });
  const anna = world.addMember(loc.id, { '2026-12-01': [{ from: '09:00', to: '18:00' }] });
  const cut = world.addService(loc.id, {
    minutes: 60,
    price: 1.25,
    discount: 6,
    staffIds: [anna.id],
  });
  const input = (
    time: string,
    extra: Partial<BookAppointmentsInput> = {},
  ): BookAppointmentsInput => ({
    locationId: loc.id,
    phone: '+4915112345678',
    fullname: 'Erika',
    appointments: [
      { id: 1, serviceIds: [cut.id], staffId: anna.id, datetime: `2026-12-01 ${time}` },
    ],
    source: 'online',
    ...extra,
  });
  return { world, loc, anna, cut, input };
}

const codeOf = async (work: Promise<unknown>) =>
  work.then(
    () => 'booked',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('bookAppointments (in-memory ports)', () => {
  it('books a free slot: the appointment in the location zone, its price, an outbox event', async () => {
    const { world, anna, input } = salon();
    const [booked] = await bookAppointments(world.deps, input('10:00:00'));
    const [appointment] = world.state.appointments;
    expect(appointment).toMatchObject({
      id: booked!.record_id,
      staffId: anna.id,
      source: 'online',
    });
    expect(new Date(appointment!.start).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(appointment!.steps[0]).toMatchObject({ firstCost: 1.25, discount: 6, cost: 1.18 });
    expect(appointment!.hashDigest).toBe(sha256Tokens.sha256(booked!.record_hash));
    expect(world.state.outbox.map((e) => e.type)).toEqual(['appointment.created']);
  });

  it('refuses a taken slot (433) and a time outside working hours, writing nothing', async () => {
    const { world, input } = salon();
    await bookAppointments(world.deps, input('10:00:00'));
    expect(
      await codeOf(bookAppointments(world.deps, input('10:30:00', { phone: '+4915100000002' }))),
    ).toBe('slot_taken');
    expect(await codeOf(bookAppointments(world.deps, input('18:30:00')))).toBe('slot_taken');
    expect(world.state.appointments).toHaveLength(1);
  });

  it('writes nothing when the second appointment of a request cannot be booked', async () => {
    const { world, anna, cut, input } = salon();
    const both = input('10:00:00', {
      appointments: [
        { id: 1, serviceIds: [cut.id], staffId: anna.id, datetime: '2026-12-01 10:00:00' },
        { id: 2, serviceIds: [cut.id], staffId: anna.id, datetime: '2026-12-01 10:30:00' },
      ],
    });
    expect(await codeOf(bookAppointments(world.deps, both))).toBe('overlap_in_request');
    expect(world.state.appointments).toEqual([]);
    expect(world.state.clients).toEqual([]);
    expect(world.state.outbox).toEqual([]);
  });

  it('replays an Idempotency-Key, refuses it for another request, forgets it after 24 h', async () => {
    const { world, input } = salon();
    const first = await bookAppointments(world.deps, input('10:00:00', { idempotencyKey: 'k' }));
    expect(await bookAppointments(world.deps, input('10:00:00', { idempotencyKey: 'k' }))).toEqual(
      first,
    );
    expect(
      await codeOf(bookAppointments(world.deps, input('11:00:00', { idempotencyKey: 'k' }))),
    ).toBe('validation_failed');
    world.clock.set('2026-11-29T10:00:01Z');
    const later = await bookAppointments(world.deps, input('11:00:00', { idempotencyKey: 'k' }));
    expect(later[0]!.record_id).not.toBe(first[0]!.record_id);
    expect(world.state.appointments).toHaveLength(2);
  });
});

describe('SMS codes spent by bookAppointments (in-memory ports)', () => {
  function confirming() {
    const s = salon();
    s.loc.phoneConfirmation = true;
    return s;
  }

  it('a wrong code is counted (and kept counted), the right one is spent with the booking', async () => {
    const { world, loc, input } = confirming();
    world.addCode('+4915112345678', '123456', loc.id);
    expect(await codeOf(bookAppointments(world.deps, input('10:00:00', { code: '654321' })))).toBe(
      'bad_code',
    );
    expect(world.state.codes[0]).toMatchObject({ attempts: 1, consumedAt: null });
    await bookAppointments(world.deps, input('10:00:00', { code: '123456' }));
    expect(world.state.codes[0]!.consumedAt).not.toBeNull();
    expect(await codeOf(bookAppointments(world.deps, input('12:00:00', { code: '123456' })))).toBe(
      'bad_code',
    );
  });

  it('the 5th wrong try voids the code', async () => {
    const { world, loc, input } = confirming();
    world.addCode('+4915112345678', '123456', loc.id);
    for (let i = 0; i < 5; i++)
      await codeOf(bookAppointments(world.deps, input('10:00:00', { code: '000000' })));
    expect(await codeOf(bookAppointments(world.deps, input('10:00:00', { code: '123456' })))).toBe(
      'bad_code',
    );
    expect(world.state.appointments).toEqual([]);
  });

  it("a code requested at another location, or the app's login code, does not confirm; it is not counted", async () => {
    const { world, loc, input } = confirming();
    world.addCode('+4915112345678', '123456', loc.id + 100);
    expect(await codeOf(bookAppointments(world.deps, input('10:00:00', { code: '123456' })))).toBe(
      'bad_code',
    );
    expect(world.state.codes[0]).toMatchObject({ attempts: 0, consumedAt: null });
    world.addCode('+4915112345678', '222222', null);
    expect(await codeOf(bookAppointments(world.deps, input('10:00:00', { code: '222222' })))).toBe(
      'bad_code',
    );
    expect(world.state.appointments).toEqual([]);
  });

  it('a booking that fails after the code check gives the code back', async () => {
    const { world, loc, input } = confirming();
    world.addCode('+4915112345678', '123456', loc.id);
    expect(await codeOf(bookAppointments(world.deps, input('19:00:00', { code: '123456' })))).toBe(
      'slot_taken',
    );
    expect(world.state.codes[0]!.consumedAt).toBeNull();
  });
});

describe('rescheduleOnlineAppointment rules (in-memory ports)', () => {
  async function booked() {
    const s = salon();
    const [b] = await bookAppointments(s.world.deps, s.input('14:00:00'));
    const move = (over: Partial<Parameters<typeof rescheduleOnlineAppointment>[1]> = {}) =>
      rescheduleOnlineAppointment(s.world.deps, {
        locationId: s.loc.id,
        recordId: b!.record_id,
        recordHash: b!.record_hash,
        byBackOffice: false,
        datetime: '2026-12-01 15:00:00',
        ...over,
      });
    return { ...s, move };
  }

  it('the client moves it with the hash; the old time is free again', async () => {
    const { world, move, input } = await booked();
    const moved = await move();
    expect(new Date(moved.start).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(world.state.outbox.map((e) => e.type)).toEqual([
      'appointment.created',
      'appointment.moved',
    ]);
    expect(
      await codeOf(bookAppointments(world.deps, input('14:00:00', { phone: '+4915100000003' }))),
    ).toBe('booked');
  });

  it('a wrong hash is not found; the back office needs none', async () => {
    const { move } = await booked();
    expect(await codeOf(move({ recordHash: 'nope' }))).toBe('not_found');
    expect(await codeOf(move({ recordHash: undefined, byBackOffice: true }))).toBe('booked');
  });

  it('clients may not move it where the location forbids it or too late; the back office may', async () => {
    const { world, loc, move } = await booked();
    world.setSettings(loc.id, { allowClientReschedule: false });
    expect(await codeOf(move())).toBe('not_allowed');
    world.setSettings(loc.id, { allowClientReschedule: true, rescheduleUntilMinutes: 120 });
    world.clock.set('2026-12-01T12:30:00Z'); // 30 min before 14:00 Berlin (13:00Z)
    expect(await codeOf(move())).toBe('not_allowed');
    expect(await codeOf(move({ byBackOffice: true, datetime: '2026-12-01 16:00:00' }))).toBe(
      'booked',
    );
  });
});
