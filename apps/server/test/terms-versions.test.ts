import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TERMS_VERSIONS } from '@visita/core';
import { makeAppUser } from '@visita/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './support/test-app';

/** The terms' versions follow the texts in force, and each version's texts are kept. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const termsDir = () => join(t.dataDir, 'terms');
afterEach(() => rm(termsDir(), { recursive: true, force: true }));
const write = async (name: string, content: string) => {
  await mkdir(termsDir(), { recursive: true });
  await writeFile(join(termsDir(), name), content);
};

let phoneSeq = 0;
/** A client who accepted the shipped terms (the factory records DEFAULT_TERMS_VERSIONS). */
const consentedClient = async () =>
  (await makeAppUser(t.db, { phone: `+4915133${String(++phoneSeq).padStart(6, '0')}` })).token;

const app = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
  call(t.app, {
    method,
    url: `/api/app/v1${url}`,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    ...(payload ? { payload } : {}),
  });
const accept = (token: string, versions: { user_agreement: string; data_processing: string }) =>
  app('POST', '/consents', token, {
    user_agreement_version: versions.user_agreement,
    data_processing_version: versions.data_processing,
  });
const kept = (kind: string, version: string) =>
  t.db.query<{ language: string; title: string; body: string }>(
    'SELECT language, title, body FROM terms_versions WHERE kind = $1 AND version = $2 ORDER BY language',
    [kind, version],
  );

describe('terms versions follow the texts in force', () => {
  it('an edited operator file asks again: the old version is refused, the new one accepted and kept', async () => {
    const token = await consentedClient();
    expect((await app('GET', '/consents', token)).body.data.consent_required).toBe(false);

    await write('user_agreement.en.md', '# Studio rules\n\nBe on time.');
    await write('user_agreement.es.md', '# Normas\n\nSé puntual.');
    const first = (await app('GET', '/terms?language=es', token)).body.data.user_agreement;
    expect(first).toMatchObject({ title: 'Normas', source: 'operator' });
    expect(first.version).not.toBe(DEFAULT_TERMS_VERSIONS.user_agreement);
    let consents = (await app('GET', '/consents', token)).body.data;
    expect(consents.consent_required).toBe(true);
    expect(consents.current).toEqual({
      user_agreement: first.version,
      data_processing: DEFAULT_TERMS_VERSIONS.data_processing,
    });
    // The data endpoints refuse until the operator's text is accepted.
    const blocked = await app('GET', '/appointments', token);
    expect(blocked.status).toBe(403);
    expect(blocked.body.meta.error_code).toBe('consent_required');
    expect((await accept(token, consents.current)).status).toBe(201);
    expect((await app('GET', '/appointments', token)).status).toBe(200);

    // The operator changes only the Spanish text: a new version, asked again.
    await write('user_agreement.es.md', '# Normas\n\nSé puntual. Pago en efectivo.');
    consents = (await app('GET', '/consents', token)).body.data;
    expect(consents.consent_required).toBe(true);
    const second = consents.current.user_agreement as string;
    expect(second).not.toBe(first.version);
    expect((await app('GET', '/appointments', token)).status).toBe(403);

    const stale = await accept(token, { ...consents.current, user_agreement: first.version });
    expect(stale.status).toBe(422);
    expect(stale.body.meta.errors).toHaveProperty('user_agreement_version');
    expect((await app('GET', '/consents', token)).body.data.consent_required).toBe(true);

    const accepted = await accept(token, consents.current);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.data.consent_required).toBe(false);
    expect(accepted.body.data.accepted.map((c: { version: string }) => c.version)).toEqual(
      expect.arrayContaining([first.version, second]),
    );

    // What was accepted can be read back, the earlier text too, in every language.
    const old = await app('GET', `/terms/user_agreement/${first.version}`);
    expect(old.status, JSON.stringify(old.body)).toBe(200);
    expect(old.body.data).toMatchObject({ kind: 'user_agreement', source: 'operator' });
    expect(old.body.data.texts).toEqual([
      { language: 'en', title: 'Studio rules', body: 'Be on time.' },
      { language: 'es', title: 'Normas', body: 'Sé puntual.' },
    ]);
    const now = (await app('GET', `/terms/user_agreement/${second}`)).body.data;
    expect(now.texts[1]).toEqual({
      language: 'es',
      title: 'Normas',
      body: 'Sé puntual. Pago en efectivo.',
    });
  });

  it('the same text is the same version (every server process agrees); removing the files restores the shipped one', async () => {
    const token = await consentedClient();
    await write('data_processing.ru.md', '# Согласие\n\nМы храним ваш телефон.');
    const version = (await app('GET', '/consents', token)).body.data.current.data_processing;
    expect(
      (await accept(token, (await app('GET', '/consents', token)).body.data.current)).status,
    ).toBe(201);
    // Rewritten with Windows line ends and a BOM: the same text, nothing to accept again.
    await write('data_processing.ru.md', '\uFEFF# Согласие\r\n\r\nМы храним ваш телефон.\r\n');
    const again = (await app('GET', '/consents', token)).body.data;
    expect(again.current.data_processing).toBe(version);
    expect(again.consent_required).toBe(false);
    // Another client, another request: the same version (a digest, not a counter).
    expect((await app('GET', '/terms')).body.data.data_processing.version).toBe(version);

    await rm(termsDir(), { recursive: true });
    expect((await app('GET', '/consents', token)).body.data).toMatchObject({
      current: DEFAULT_TERMS_VERSIONS,
      consent_required: false,
    });
  });

  it('keeps each served version once, also when first requests race', async () => {
    await write('user_agreement.en.md', '# Race\n\nThe first one wins.');
    const answers = await Promise.all(Array.from({ length: 6 }, () => app('GET', '/terms')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const version = answers[0]!.body.data.user_agreement.version as string;
    expect(new Set(answers.map((a) => a.body.data.user_agreement.version)).size).toBe(1);
    expect(await kept('user_agreement', version)).toEqual([
      { language: 'en', title: 'Race', body: 'The first one wins.' },
    ]);
    // The shipped texts are kept too, in the three languages they come in.
    const shipped = await kept('data_processing', DEFAULT_TERMS_VERSIONS.data_processing);
    expect(shipped.map((r) => r.language)).toEqual(['en', 'es', 'ru']);
    expect(shipped[2]!.title).toBe('Согласие на обработку персональных данных');
  });

  it('GET /terms/{kind}/{version}: 404 for a version never served, a bad kind or version named', async () => {
    expect((await app('GET', '/terms/user_agreement/op-0000')).status).toBe(404);
    const kind = await app('GET', '/terms/cookies/2026-11');
    expect(kind.status).toBe(400);
    expect(kind.body.meta.errors).toHaveProperty('kind');
    const version = await app('GET', '/terms/user_agreement/a%20b');
    expect(version.status).toBe(400);
    expect(version.body.meta.errors).toHaveProperty('version');
  });
});
