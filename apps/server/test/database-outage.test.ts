import { connectPostgres, type Db } from '@visita/db';
import {
  makeBookingSettings,
  makeLocation,
  makePartner,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process';
import {
  startThrowawayPostgres,
  throwawayPostgresUnavailable,
  type ThrowawayPostgres,
} from './support/throwaway-postgres';

/**
 * Fault injection: PostgreSQL is stopped under load and started again. The server must stay up,
 * answer 503 in the envelope while the database is away, serve again without a restart once it
 * is back, and leave no appointment half-written. The cluster is the test's own (initdb in a
 * temp dir, a free port): the machine's shared PostgreSQL is never touched.
 */
const skip = throwawayPostgresUnavailable();
if (skip) console.warn(`skipping the database outage test: ${skip}`);

describe.skipIf(skip !== null)('PostgreSQL stopped under load', () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;
  let db: Db;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    server = await startServerProcess({ DATABASE_URL: pg.url, LOG_LEVEL: 'error' });
    db = await connectPostgres(pg.url, 2);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close().catch(() => undefined);
    await pg?.destroy();
  });

  it('answers 503 while it is down, recovers without a restart, writes nothing by halves', async () => {
    const partner = await makePartner(db);
    const loc = await makeLocation(db, { timezone: 'Europe/Berlin' });
    await makeBookingSettings(db, loc.id, { min_notice_minutes: 0, horizon_days: 400 });
    const member = await makeStaff(db, loc.id);
    const service = await makeService(db, loc.id, { minutes: 60, staffIds: [member.id] });
    const first = Date.now() + 2 * 86_400_000;
    const days = Array.from({ length: 300 }, (_, i) =>
      new Date(first + i * 86_400_000).toISOString().slice(0, 10),
    );
    await makeSchedule(db, member.id, days, [{ from: '09:00', to: '18:00' }]);

    // Every request books its own free hour, so only the outage can refuse one.
    let next = 0;
    const results: { phase: string; status: number; body: any }[] = [];
    let phase = 'before';
    const bookOne = async () => {
      const i = next++;
      const datetime = `${days[Math.floor(i / 9)]} ${String(9 + (i % 9)).padStart(2, '0')}:00:00`;
      try {
        const response = await fetch(`${server.url}/api/v1/book_record/${loc.id}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${partner.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            phone: `+4915120${String(i).padStart(6, '0')}`,
            fullname: `Load ${i}`,
            appointments: [{ id: 1, services: [service.id], staff_id: member.id, datetime }],
          }),
        });
        results.push({ phase, status: response.status, body: await response.json() });
      } catch (error) {
        results.push({ phase, status: 0, body: String(error) }); // the connection itself failed
      }
    };
    let loading = true;
    const loops = Array.from({ length: 3 }, async () => {
      while (loading) {
        await bookOne();
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    const waitFor = async (predicate: () => boolean, what: string) => {
      for (let i = 0; i < 600 && !predicate(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!predicate()) {
        const seen = results.map((r) => `${r.phase}:${r.status}`);
        const counts = [...new Set(seen)].map((k) => `${k}×${seen.filter((x) => x === k).length}`);
        const last = results.at(-1);
        throw new Error(
          `timed out waiting for ${what}; seen ${counts.join(', ')}; last ${JSON.stringify(last?.body)}\n${server.output().slice(-2000)}`,
        );
      }
    };

    await waitFor(() => results.filter((r) => r.status === 201).length >= 10, 'bookings before');
    phase = 'stopping';
    await pg.stop();
    phase = 'down';
    await waitFor(
      () => results.filter((r) => r.phase === 'down').length >= 15,
      'requests while down',
    );
    phase = 'restarting';
    await pg.start();
    phase = 'after';
    await waitFor(
      () => results.filter((r) => r.phase === 'after' && r.status === 201).length >= 10,
      'bookings after the restart',
    );
    loading = false;
    await Promise.all(loops);

    // The process never died and was never restarted.
    expect(server.child.exitCode).toBeNull();
    const down = results.filter((r) => r.phase === 'down');
    expect(down.map((r) => r.status)).toEqual(down.map(() => 503));
    for (const r of down)
      expect(r.body).toMatchObject({
        success: false,
        data: null,
        meta: { message: expect.any(String) },
      });
    // Around the edges a request may have begun before the stop: it then either finished or got 503.
    const unexpected = results.filter((r) => ![201, 503].includes(r.status));
    expect(unexpected.map((r) => `${r.phase} ${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);

    // Nothing half-written: every appointment has its service line, its time hold and its event,
    // and every 201 the clients saw is such an appointment.
    const rows = await db.query<{ id: number; lines: number; holds: number; events: number }>(
      `SELECT r.id,
              (SELECT count(*)::int FROM record_services s WHERE s.record_id = r.id) AS lines,
              (SELECT count(*)::int FROM staff_occupancy o WHERE o.record_id = r.id AND o.released_at IS NULL) AS holds,
              (SELECT count(*)::int FROM outbox_events e
                WHERE e.aggregate_id = r.id AND e.type = 'appointment.created') AS events
         FROM records r WHERE r.location_id = $1`,
      [loc.id],
    );
    expect(rows.filter((r) => r.lines !== 1 || r.holds !== 1 || r.events !== 1)).toEqual([]);
    const stored = new Set(rows.map((r) => r.id));
    const confirmed = results
      .filter((r) => r.status === 201)
      .map((r) => r.body.data[0].record_id as number);
    expect(confirmed.filter((id) => !stored.has(id))).toEqual([]);
    expect(new Set(confirmed).size).toBe(confirmed.length);
  }, 180_000);
});
