import { makeAppointment } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, type CabinetWorld } from './support/cabinet';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
});
afterAll(() => t.close());

const staffRating = async (id: number) =>
  (
    await t.db.query<{ rating: number; votes_count: number }>(
      'SELECT rating, votes_count FROM staff WHERE id = $1',
      [id],
    )
  )[0];
const reviewsOf = (recordId: number) =>
  t.db.query<{ target: string }>('SELECT target FROM reviews WHERE record_id = $1', [recordId]);

/** A past appointment of the phone in Berlin with Anna. */
const pastAt = (start: string, phone = w.ana.phone) =>
  makeAppointment(t.db, {
    locationId: w.berlin.id,
    staffId: w.anna.id,
    serviceIds: [w.cut.id],
    phone,
    start,
  });

describe('POST /api/app/v1/appointments/{id}/reviews', () => {
  it('rates the team member: the review is kept and their average and votes move', async () => {
    const first = await http('POST', `/appointments/${w.anaPast.id}/reviews`, w.ana, {
      target: 'staff',
      rating: 5,
      text: '  Great cut  ',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data).toMatchObject({
      appointment_id: w.anaPast.id,
      location_id: w.berlin.id,
      target: 'staff',
      staff: { id: w.anna.id, name: 'Anna Stylist' },
      rating: 5,
      text: 'Great cut',
      author_name: 'Ana',
      mine: true,
    });
    expect(await staffRating(w.anna.id)).toEqual({ rating: 5, votes_count: 1 });
    const second = await http('POST', `/appointments/${w.bobPast.id}/reviews`, w.bob, {
      target: 'staff',
      rating: 2,
    });
    expect(second.status).toBe(201);
    expect(await staffRating(w.anna.id)).toEqual({ rating: 3.5, votes_count: 2 });
    const details = await http('GET', `/appointments/${w.anaPast.id}`, w.ana);
    expect(details.body.data).toMatchObject({
      can_review_staff: false,
      can_review_location: true,
      reviewed: { staff: true, location: false },
      staff: { rating: 3.5, votes_count: 2 },
    });
  });

  it('reviews the location without touching the team member’s rating', async () => {
    const before = await staffRating(w.anna.id);
    const res = await http('POST', `/appointments/${w.anaPast.id}/reviews`, w.ana, {
      target: 'location',
      rating: 4,
      text: 'Nice place',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ target: 'location', staff: null, rating: 4 });
    expect(await staffRating(w.anna.id)).toEqual(before);
  });

  it('is 409 for a second review of the same target; the first one stays', async () => {
    const a = await pastAt('2026-11-02T09:00:00Z');
    const body = { target: 'staff', rating: 4 };
    expect((await http('POST', `/appointments/${a.id}/reviews`, w.ana, body)).status).toBe(201);
    const votes = (await staffRating(w.anna.id))!.votes_count;
    const again = await http('POST', `/appointments/${a.id}/reviews`, w.ana, {
      ...body,
      rating: 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.meta.conflict).toBe(true);
    expect((await staffRating(w.anna.id))!.votes_count).toBe(votes);
    expect(await reviewsOf(a.id)).toEqual([{ target: 'staff' }]);
  });

  it('is 422 not_allowed for canceled and upcoming appointments; nothing is written', async () => {
    const canceled = await http('POST', `/appointments/${w.anaCanceled.id}/reviews`, w.ana, {
      target: 'staff',
      rating: 1,
    });
    expect(canceled.status).toBe(422);
    expect(canceled.body.meta).toMatchObject({
      errors: { target: ['Canceled appointments cannot be reviewed'] },
      details: { action: 'review', reason: 'canceled' },
    });
    const upcoming = await http('POST', `/appointments/${w.anaUpcoming.id}/reviews`, w.ana, {
      target: 'location',
      rating: 5,
    });
    expect(upcoming.status).toBe(422);
    expect(upcoming.body.meta.details).toEqual({ action: 'review', reason: 'not_visited_yet' });
    expect(await reviewsOf(w.anaCanceled.id)).toEqual([]);
    expect(await reviewsOf(w.anaUpcoming.id)).toEqual([]);
  });

  it('is 422 naming the field for a bad rating, target or text; nothing is written', async () => {
    const a = await pastAt('2026-11-03T09:00:00Z');
    const cases: [Record<string, unknown>, string][] = [
      [{ target: 'staff', rating: 6 }, 'rating'],
      [{ target: 'staff', rating: 0 }, 'rating'],
      [{ target: 'staff', rating: 4.5 }, 'rating'],
      [{ target: 'staff' }, 'rating'],
      [{ target: 'salon', rating: 4 }, 'target'],
      [{ target: 'staff', rating: 4, text: 'x'.repeat(2001) }, 'text'],
      [{ target: 'staff', rating: 4, author: 'me' }, 'author'],
    ];
    for (const [body, field] of cases) {
      const res = await http('POST', `/appointments/${a.id}/reviews`, w.ana, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.meta.errors)).toContain(field);
    }
    expect(await reviewsOf(a.id)).toEqual([]);
  });

  it('is 404 for another client’s appointment (nothing written) and 401 without a token', async () => {
    const bobs = await pastAt('2026-11-04T09:00:00Z', w.bob.phone);
    const res = await http('POST', `/appointments/${bobs.id}/reviews`, w.ana, {
      target: 'location',
      rating: 1,
    });
    expect(res.status).toBe(404);
    expect(await reviewsOf(bobs.id)).toEqual([]);
    const anonymous = await http('POST', `/appointments/${w.anaPast.id}/reviews`, null, {
      target: 'location',
      rating: 1,
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/app/v1/places/{location_id}/reviews', () => {
  it('lists the place’s reviews newest first, with first names only and the client’s own marked', async () => {
    const res = await http('GET', `/places/${w.berlin.id}/reviews`, w.bob);
    expect(res.status).toBe(200);
    expect(res.body.meta.total_count).toBeGreaterThanOrEqual(3);
    const anas = res.body.data.filter((r: { author_name: string }) => r.author_name === 'Ana');
    expect(anas.length).toBeGreaterThan(0);
    expect(anas.every((r: { mine: boolean }) => !r.mine)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(w.ana.phone);
    expect(JSON.stringify(res.body)).not.toContain('Lopez');
    const times = res.body.data.map((r: { created_at: string }) => Date.parse(r.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by target and pages', async () => {
    const res = await http('GET', `/places/${w.berlin.id}/reviews?target=location&count=1`, w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ target: 'location', mine: true, text: 'Nice place' });
    expect(res.body.meta).toEqual({ page: 1, total_count: 1 });
  });

  it('is 404 for a place the client never visited, 400 for a bad target, 401 without a token', async () => {
    expect((await http('GET', `/places/${w.paris.id}/reviews`, w.ana)).status).toBe(404);
    const bad = await http('GET', `/places/${w.berlin.id}/reviews?target=salon`, w.ana);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.meta.errors)).toContain('target');
    expect((await http('GET', `/places/${w.berlin.id}/reviews`, null)).status).toBe(401);
  });
});
