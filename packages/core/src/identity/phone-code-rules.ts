import type { TokenCrypto } from '../auth/tokens';

/**
 * The rules of SMS codes that prove a phone (app login, `user/auth`, `book_record` where the
 * location demands a confirmed phone). A 6-digit code has a million values, so what keeps it
 * safe is the few tries (5) and the short life (5 minutes), not its length.
 */
export const PHONE_CODE_RULES = {
  ttlMs: 5 * 60_000,
  maxWrongTries: 5,
  resendAfterMs: 60_000,
  perPhonePerHour: 5,
  /** Default of the per-IP cap; deployments change it with VISITA_SMS_CODES_PER_IP. */
  perIpPerHour: 20,
} as const;

export const HOUR_MS = 3_600_000;

/**
 * Six digits from the platform's randomness, never starting with 0: integrations may send the
 * code as a JSON number, which would lose a leading zero.
 */
export function newPhoneCode(tokens: TokenCrypto): string {
  const random = parseInt(tokens.randomToken().slice(0, 12), 16);
  return String(100_000 + (random % 900_000));
}

/** Bound to the phone so that a digest says nothing without the phone it was sent to. */
export function phoneCodeDigest(tokens: TokenCrypto, phone: string, code: string): string {
  return tokens.sha256(`phone-code:${phone}:${code}`);
}

/**
 * Compares two digests without an early exit, so the time taken says nothing about how many
 * leading characters matched.
 */
export function digestsEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
}

/** The code as the client sent it (a string or a number), or null when there is none. */
export function readCode(raw: string | number | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const text = String(raw).trim();
  return text === '' ? null : text;
}

/**
 * The SMS. Its last line is the Web OTP format (`@host #code`), which lets browsers offer the
 * code to the page at that host without the user typing it.
 */
export function phoneCodeText(code: string, webOtpHost: string): string {
  return `Your Visita code: ${code}. It is valid for 5 minutes; do not share it.\n\n@${webOtpHost} #${code}`;
}

/** What the SMS outbox keeps: the text without the code, so that table logs nobody in. */
export function maskCode(text: string, code: string): string {
  return text.replaceAll(code, '•'.repeat(code.length));
}

export const secondsUntil = (at: number, now: number): number =>
  Math.max(1, Math.ceil((at - now) / 1000));
