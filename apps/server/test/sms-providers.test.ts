import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '@visita/core';
import { createTestDb } from '@visita/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCodesPerIp, loadSmsConfig } from '../src/adapters/sms/config';
import { logSmsProvider } from '../src/adapters/sms/log-provider';
import { twilioSmsProvider } from '../src/adapters/sms/twilio-provider';
import { webhookSmsProvider } from '../src/adapters/sms/webhook-provider';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { smsLog } from './support/sms-log';
import { call } from './support/test-app';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local stand-in for a gateway: records what it received and answers what the test says. */
let server: Server;
let base: string;
let received: Received[] = [];
let answer: { status: number; body: unknown } = { status: 201, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  answer = { status: 201, body: {} };
});

const twilio = { accountSid: 'AC0123456789', authToken: 's3cret', from: '+15005550006' };

describe('twilio provider', () => {
  it('POSTs To/From/Body form-encoded to the Messages API with basic auth', async () => {
    answer = { status: 201, body: { sid: 'SM42', status: 'queued' } };
    const provider = twilioSmsProvider({ ...twilio, baseUrl: base });
    const sent = await provider.send('+4915112345678', 'Your code: 123456\n\n@localhost #123456');
    expect(sent).toEqual({ providerMessageId: 'SM42' });
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/2010-04-01/Accounts/AC0123456789/Messages.json');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('AC0123456789:s3cret').toString('base64')}`,
    );
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: '+4915112345678',
      From: '+15005550006',
      Body: 'Your code: 123456\n\n@localhost #123456',
    });
  });

  it('sends a Messaging Service SID as MessagingServiceSid', async () => {
    answer = { status: 201, body: { sid: 'SM43' } };
    await twilioSmsProvider({ ...twilio, from: 'MG99', baseUrl: base }).send('+4915112345678', 'x');
    const form = new URLSearchParams(received[0]!.body);
    expect(form.get('MessagingServiceSid')).toBe('MG99');
    expect(form.has('From')).toBe(false);
  });

  it("fails with Twilio's error code and message", async () => {
    answer = { status: 400, body: { code: 21211, message: "The 'To' number is not valid." } };
    const provider = twilioSmsProvider({ ...twilio, baseUrl: base });
    await expect(provider.send('+4915112345678', 'x')).rejects.toThrow(
      "Twilio answered 400 (error 21211): The 'To' number is not valid.",
    );
  });
});

describe('webhook provider', () => {
  it('POSTs JSON {to, text} and keeps the id the gateway answers', async () => {
    answer = { status: 200, body: { id: 'msg-7' } };
    const sent = await webhookSmsProvider(`${base}/sms`).send('+4915112345678', 'hello');
    expect(sent).toEqual({ providerMessageId: 'msg-7' });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/sms' });
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({ to: '+4915112345678', text: 'hello' });
  });

  it('fails on a non-2xx answer', async () => {
    answer = { status: 503, body: { error: 'down' } };
    await expect(webhookSmsProvider(base).send('+4915112345678', 'x')).rejects.toThrow('503');
  });
});

describe('log provider', () => {
  it('writes one JSON line at info level with the recipient and the text', async () => {
    const log = smsLog();
    const sent = await logSmsProvider(log.logger).send('+4915112345678', 'code 123456');
    expect(sent.providerMessageId).toMatch(/^log-/);
    expect(log.lines).toHaveLength(1);
    expect(JSON.parse(log.lines[0]!)).toMatchObject({
      level: 30,
      sms: { to: '+4915112345678', text: 'code 123456' },
    });
  });
});

describe('the configured provider inside the app', () => {
  async function appWith(env: Record<string, string>) {
    const db = await createTestDb();
    const config = {
      ...loadConfig({ VISITA_PUBLIC_URL: 'https://app.visita.example', ...env }),
      rateLimit: [],
    };
    const app = await buildApp({
      db,
      config,
      clock: fixedClock('2026-11-28T10:00:00Z'),
      logger: false,
    });
    return { app, db, close: async () => (await app.close(), await db.close()) };
  }
  const twilioEnv = () => ({
    VISITA_SMS_PROVIDER: 'twilio',
    VISITA_TWILIO_ACCOUNT_SID: 'AC1',
    VISITA_TWILIO_AUTH_TOKEN: 'token',
    VISITA_TWILIO_FROM: '+15005550006',
    VISITA_TWILIO_BASE_URL: base,
  });

  it('sends the code through Twilio and records the message as sent', async () => {
    answer = { status: 201, body: { sid: 'SM77' } };
    const s = await appWith(twilioEnv());
    try {
      const res = await call(s.app, {
        method: 'POST',
        url: '/api/app/v1/auth/code',
        payload: { phone: '+4915155555555' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const body = new URLSearchParams(received[0]!.body).get('Body')!;
      expect(body).toMatch(/\n@app\.visita\.example #\d{6}$/);
      const [message] = await s.db.query<Record<string, unknown>>(
        'SELECT provider, status, provider_message_id FROM sms_messages WHERE phone = $1',
        ['+4915155555555'],
      );
      expect(message).toEqual({ provider: 'twilio', status: 'sent', provider_message_id: 'SM77' });
    } finally {
      await s.close();
    }
  });

  it('answers 502 when the gateway fails and records the message as failed', async () => {
    answer = { status: 500, body: { code: 20500, message: 'Internal Server Error' } };
    const s = await appWith(twilioEnv());
    try {
      const res = await call(s.app, {
        method: 'POST',
        url: '/api/app/v1/auth/code',
        payload: { phone: '+4915155555556' },
      });
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ success: false, data: null });
      const [message] = await s.db.query<Record<string, unknown>>(
        'SELECT status, error FROM sms_messages WHERE phone = $1',
        ['+4915155555556'],
      );
      expect(message).toEqual({
        status: 'failed',
        error: 'Twilio answered 500 (error 20500): Internal Server Error',
      });
    } finally {
      await s.close();
    }
  });
});

describe('configuration', () => {
  it('defaults to log outside production and insists on a choice in production', () => {
    expect(loadSmsConfig({})).toEqual({ provider: 'log' });
    expect(() => loadSmsConfig({ NODE_ENV: 'production' })).toThrow('VISITA_SMS_PROVIDER');
    expect(loadSmsConfig({ NODE_ENV: 'production', VISITA_SMS_PROVIDER: 'log' })).toEqual({
      provider: 'log',
    });
  });

  it('reads the webhook and Twilio settings, refusing missing or bad ones', () => {
    expect(
      loadSmsConfig({ VISITA_SMS_PROVIDER: 'webhook', VISITA_SMS_WEBHOOK_URL: 'https://gw/sms' }),
    ).toEqual({ provider: 'webhook', webhookUrl: 'https://gw/sms' });
    expect(() => loadSmsConfig({ VISITA_SMS_PROVIDER: 'webhook' })).toThrow(
      'VISITA_SMS_WEBHOOK_URL',
    );
    expect(() =>
      loadSmsConfig({ VISITA_SMS_PROVIDER: 'webhook', VISITA_SMS_WEBHOOK_URL: 'ftp://x' }),
    ).toThrow('http(s)');
    expect(
      loadSmsConfig({
        VISITA_SMS_PROVIDER: 'twilio',
        VISITA_TWILIO_ACCOUNT_SID: 'AC1',
        VISITA_TWILIO_AUTH_TOKEN: 't',
        VISITA_TWILIO_FROM: '+15005550006',
      }),
    ).toEqual({
      provider: 'twilio',
      accountSid: 'AC1',
      authToken: 't',
      from: '+15005550006',
      baseUrl: 'https://api.twilio.com',
    });
    expect(() => loadSmsConfig({ VISITA_SMS_PROVIDER: 'twilio' })).toThrow(
      'VISITA_TWILIO_ACCOUNT_SID',
    );
    expect(() => loadSmsConfig({ VISITA_SMS_PROVIDER: 'carrier-pigeon' })).toThrow(
      'log, webhook, twilio',
    );
  });

  it('reads VISITA_SMS_CODES_PER_IP', () => {
    expect(loadCodesPerIp({}, 20)).toBe(20);
    expect(loadCodesPerIp({ VISITA_SMS_CODES_PER_IP: '100' }, 20)).toBe(100);
    expect(() => loadCodesPerIp({ VISITA_SMS_CODES_PER_IP: '0' }, 20)).toThrow();
  });
});
