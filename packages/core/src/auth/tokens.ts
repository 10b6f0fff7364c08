/**
 * Token rules shared by partners, back-office users and (later) app clients: 256-bit random,
 * shown once, stored only as a SHA-256 digest so a leaked table logs nobody in.
 * Hashing and randomness are I/O-free but platform-specific, so they come in as a port.
 */
export interface TokenCrypto {
  randomToken(): string;
  sha256(value: string): string;
}

export interface AuthHeader {
  partnerToken: string | null;
  userToken: string | null;
}

/**
 * Parses `Bearer <partner>[, User <user>]` leniently (integrations send `,User` without a space
 * or lower-case keywords).
 */
export function parseAuthorizationHeader(header: string | undefined): AuthHeader {
  const result: AuthHeader = { partnerToken: null, userToken: null };
  if (!header) return result;
  for (const part of header.split(',')) {
    const match = /^\s*(bearer|user)\s+(\S+)\s*$/i.exec(part);
    if (!match) continue;
    const [, kind, token] = match;
    if (kind?.toLowerCase() === 'bearer') result.partnerToken = token ?? null;
    else result.userToken = token ?? null;
  }
  return result;
}
