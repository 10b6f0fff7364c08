import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { call } from './test-app';

export interface LoggedSms {
  to: string;
  text: string;
}

/**
 * A logger that keeps its lines, for `createTestApp({ loggerInstance })`: with the default `log`
 * SMS provider every message is one JSON line `{"sms":{"to","text"}}`, so tests read the codes
 * the way a developer reads them in the console.
 */
export function smsLog() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const messages = (): LoggedSms[] =>
    lines
      .map((line) => JSON.parse(line) as { sms?: LoggedSms })
      .flatMap((entry) => (entry.sms ? [entry.sms] : []));
  return {
    logger,
    lines,
    messages,
    /** The code of the last SMS sent to `phone` (E.164), read from its Web OTP line. */
    lastCode(phone: string): string {
      const last = messages()
        .filter((m) => m.to === phone)
        .at(-1);
      const code = last && /#(\d{6})$/.exec(last.text)?.[1];
      if (!code) throw new Error(`no SMS code was sent to ${phone}`);
      return code;
    },
    /** How many SMS went to `phone` so far (take it before the action that sends one). */
    sentCount(phone: string): number {
      return messages().filter((m) => m.to === phone).length;
    },
    /**
     * The code of the SMS sent to `phone` after the first `before` ones. It waits for it: a
     * browser can show the code field before the log line is written, and reading at once got
     * the previous code (or none) in CI.
     */
    async nextCode(phone: string, before: number, timeoutMs = 10_000): Promise<string> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const sent = messages().filter((m) => m.to === phone);
        const code = sent.length > before && /#(\d{6})$/.exec(sent.at(-1)!.text)?.[1];
        if (code) return code;
        if (Date.now() > until) throw new Error(`no new SMS code was sent to ${phone}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

export type SmsLog = ReturnType<typeof smsLog>;

/**
 * Logs a client into the app the way the app does (code → token) and returns the token.
 * Different phones per test keep the per-phone limits out of the way; `ip` keeps the per-IP cap
 * out of the way when a test file logs in many clients.
 */
export async function logInClient(
  app: FastifyInstance,
  log: SmsLog,
  phone: string,
  ip = '10.0.0.1',
): Promise<string> {
  const sent = await call(app, {
    method: 'POST',
    url: '/api/app/v1/auth/code',
    payload: { phone },
    remoteAddress: ip,
  });
  if (sent.status !== 202) throw new Error(`code request failed: ${JSON.stringify(sent.body)}`);
  const login = await call(app, {
    method: 'POST',
    url: '/api/app/v1/auth/token',
    payload: { phone, code: log.lastCode(sent.body.data.phone) },
  });
  if (login.status !== 201) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
}
