import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@visita/core';

/** Signed webhooks older or newer than this are refused (replay window). */
export const SIGNATURE_TOLERANCE_S = 300;

const badSignature = () => new DomainError('unauthenticated', 'Invalid webhook signature');

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the scheme Stripe uses, and ours. */
export function signPayload(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export function verifySignedPayload(
  secret: string,
  body: string,
  header: string | string[] | undefined,
  nowMs: number,
): void {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw badSignature();
  const parts = new Map<string, string[]>();
  for (const part of value.split(',')) {
    const [k, v] = part.split('=', 2);
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > SIGNATURE_TOLERANCE_S)
    throw badSignature();
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const ok = (parts.get('v1') ?? []).some((sig) => {
    const given = Buffer.from(sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw badSignature();
}
