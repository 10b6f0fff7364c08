import type { AppUser, ConsentKind } from './types';

/** A login code as stored: only the digest of phone + code, never the code. */
export interface StoredPhoneCode {
  id: number;
  phone: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  /** The location whose booking form asked for it (`book_code`); null for the app's login. */
  locationId: number | null;
}

export interface NewPhoneCode {
  phone: string;
  codeHash: string;
  locationId: number | null;
  requestedIp: string;
  createdAt: Date;
  expiresAt: Date;
}

/** How many codes were handed out since a moment, and when the first and the last of them were. */
export interface CodeRequestStats {
  count: number;
  oldest: Date | null;
  newest: Date | null;
}

export interface PhoneCodesRepo {
  /** Serialises code requests for one phone until the transaction ends, so the limits hold under concurrency. */
  lockPhone(phone: string): Promise<void>;
  codesForPhoneSince(phone: string, since: Date): Promise<CodeRequestStats>;
  codesFromIpSince(ip: string, since: Date): Promise<CodeRequestStats>;
  /** A new code replaces the earlier ones: only the newest code of a phone can be used. */
  voidLiveCodes(phone: string, at: Date): Promise<void>;
  insertCode(code: NewPhoneCode): Promise<number>;
  /** The phone's newest code that is neither spent, voided nor expired, locked until the transaction ends. */
  findLiveCodeForUpdate(phone: string, now: Date): Promise<StoredPhoneCode | null>;
  /** Counts a wrong try; `voidedAt` set when it was the last one allowed. */
  recordWrongTry(id: number, voidedAt: Date | null): Promise<void>;
  spendCode(id: number, at: Date): Promise<void>;
}

/** The SMS outbox: every message handed to a provider, with the outcome. */
export interface SmsMessagesRepo {
  insertQueuedMessage(message: {
    phone: string;
    body: string;
    provider: string;
    at: Date;
  }): Promise<number>;
  markMessageSent(id: number, providerMessageId: string, at: Date): Promise<void>;
  markMessageFailed(id: number, error: string): Promise<void>;
}

/** App users as login sees them: created on first login, one token per device. */
export interface AppAccountsRepo {
  findOrCreateAppUserByPhone(phone: string, at: Date): Promise<AppUser>;
  insertAppToken(token: {
    userId: number;
    tokenHash: string;
    device: string;
    at: Date;
  }): Promise<void>;
  /** Returns how many tokens were revoked (0 when it already was). */
  revokeAppToken(tokenHash: string, at: Date): Promise<number>;
  revokeAllAppTokens(userId: number, at: Date): Promise<number>;
  /** Flags this phone's client cards at every location: the person uses the app. */
  markClientsHaveApp(phone: string): Promise<void>;
  updateAppUserContact(
    userId: number,
    patch: { name?: string; email?: string },
    at: Date,
  ): Promise<AppUser | null>;
}

export interface AcceptedConsent {
  kind: ConsentKind;
  version: string;
  acceptedAt: Date;
}

export interface AppConsentsRepo {
  /** Idempotent: accepting a version again keeps the first acceptance time. */
  recordConsent(userId: number, kind: ConsentKind, version: string, at: Date): Promise<void>;
  findConsents(userId: number): Promise<AcceptedConsent[]>;
}

/** One SMS gateway (log, webhook, Twilio…); chosen by configuration. */
export interface SmsProvider {
  /** Recorded with every message (`sms_messages.provider`). */
  readonly name: string;
  send(to: string, text: string): Promise<{ providerMessageId: string }>;
}

/** One version of one kind of the terms, in every language it was in force with. */
export interface KeptTermsVersion {
  kind: ConsentKind;
  version: string;
  source: 'operator' | 'default';
  texts: { language: string; title: string; body: string }[];
}

/** The archive of the terms' texts per version: what each version said. */
export interface TermsVersionsRepo {
  /** Keeps the texts the first time a version is seen; concurrent or later calls change nothing. */
  keepTermsVersion(version: KeptTermsVersion, at: Date): Promise<void>;
  findTermsVersion(
    kind: ConsentKind,
    version: string,
  ): Promise<(KeptTermsVersion & { firstSeenAt: Date }) | null>;
}
