import type { Db } from '@visita/db';
import { createTestDb } from '@visita/db/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/plugins/errors';
import { deeplyNestedJson } from './support/bad-input';

/**
 * The error handler's safety net: a value PostgreSQL refuses (a gap in a schema) is a 4xx in
 * the envelope, not a 500. Real errors of the test database, on PGlite and PostgreSQL.
 */

describe('the safety net: PostgreSQL input errors the schemas missed', () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb();
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    // Routes without schemas send values straight to PostgreSQL, as a gap in a schema would.
    app.post('/cast/:type', async (request) => {
      const { type } = request.params as { type: string };
      const { value } = request.body as { value: unknown };
      return db.query(`SELECT $1::${type} AS v`, [value]);
    });
    app.get('/cast/int4', async (request) =>
      db.query('SELECT $1::int4 AS v', [(request.query as { v: string }).v]),
    );
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it.each([
    ['int4', 'abc', 'a value has the wrong form'],
    ['int4', 2 ** 31, 'a number is out of range'],
    ['text', 'a\u0000b', 'a text contains a character that cannot be stored'],
    ['jsonb', '{"a":"\\u0000"}', 'a text contains a character that cannot be stored'],
    ['timestamptz', 'someday', 'a date or time has the wrong form'],
    ['date', '2026-13-45', 'a date or time is out of range'],
  ])('%s %j is a 422, not a 500', async (type, value, what) => {
    const res = await app.inject({ method: 'POST', url: `/cast/${type}`, payload: { value } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      success: false,
      data: null,
      meta: { message: `Invalid input: ${what}`, errors: { request: [`Invalid input: ${what}`] } },
    });
  });

  it('without a body it is a 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/cast/int4?v=99999999999' });
    expect(res.statusCode).toBe(400);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('stack depth (54001, PostgreSQL) is a 422', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/cast/jsonb',
      payload: { value: deeplyNestedJson(200_000) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().meta.message).toBe('Invalid input: the request is too complex');
  });
});
