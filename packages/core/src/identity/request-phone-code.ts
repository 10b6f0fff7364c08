import type { TokenCrypto } from '../auth/tokens';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { normalizePhone } from '../shared/phone';
import { DomainError, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import {
  HOUR_MS,
  maskCode,
  newPhoneCode,
  PHONE_CODE_RULES,
  phoneCodeDigest,
  phoneCodeText,
  secondsUntil,
} from './phone-code-rules';
import type { PhoneCodesRepo, SmsMessagesRepo, SmsProvider } from './ports';

export interface RequestPhoneCodeDeps {
  uow: UnitOfWork<{
    phoneCodes: PhoneCodesRepo;
    smsMessages: SmsMessagesRepo;
    locations: LocationsRepo;
  }>;
  clock: Clock;
  tokens: TokenCrypto;
  sms: SmsProvider;
  /** The host of the Web OTP line (`@host #code`): where the app is served. */
  webOtpHost: string;
  /** Codes one IP may request per hour. */
  codesPerIpPerHour: number;
}

export interface RequestPhoneCodeInput {
  phone: string | number;
  /** The caller's IP, for the per-IP cap. */
  ip: string;
  /** The location whose booking form asked (`book_code`); none for the app. */
  locationId?: number;
}

export interface RequestedPhoneCode {
  phone: string;
  expiresAt: Date;
  /** When the next code may be requested. */
  resendAt: Date;
}

const tooMany = (message: string, retryAt: number, now: number) =>
  new DomainError('rate_limited', message, 'phone', { retry_after: secondsUntil(retryAt, now) });

/**
 * Sends a fresh code to the phone. The limits are checked and the (hashed) code is committed
 * first; only then is the SMS handed to the provider, and the outcome is recorded. A provider
 * failure answers `sms_failed`; the code stays valid in case the message arrives after all.
 */
export async function requestPhoneCode(
  deps: RequestPhoneCodeDeps,
  input: RequestPhoneCodeInput,
): Promise<RequestedPhoneCode> {
  const nowDate = deps.clock.now();
  const now = nowDate.getTime();
  const code = newPhoneCode(deps.tokens);
  const queued = await deps.uow(async (repos) => {
    if (input.locationId !== undefined && !(await repos.locations.findLocation(input.locationId)))
      throw notFound('Location');
    const phone = normalizePhone(input.phone);
    const hourAgo = new Date(now - HOUR_MS);
    await repos.phoneCodes.lockPhone(phone);

    const fromIp = await repos.phoneCodes.codesFromIpSince(input.ip, hourAgo);
    if (fromIp.count >= deps.codesPerIpPerHour)
      throw tooMany(
        'Too many codes requested from this address; try again later',
        (fromIp.oldest?.getTime() ?? now) + HOUR_MS,
        now,
      );
    const forPhone = await repos.phoneCodes.codesForPhoneSince(phone, hourAgo);
    const newest = forPhone.newest?.getTime();
    if (newest !== undefined && now - newest < PHONE_CODE_RULES.resendAfterMs)
      throw tooMany(
        'A code was just sent to this phone; wait before asking for another',
        newest + PHONE_CODE_RULES.resendAfterMs,
        now,
      );
    if (forPhone.count >= PHONE_CODE_RULES.perPhonePerHour)
      throw tooMany(
        'Too many codes requested for this phone; try again later',
        (forPhone.oldest?.getTime() ?? now) + HOUR_MS,
        now,
      );

    await repos.phoneCodes.voidLiveCodes(phone, nowDate);
    const expiresAt = new Date(now + PHONE_CODE_RULES.ttlMs);
    await repos.phoneCodes.insertCode({
      phone,
      codeHash: phoneCodeDigest(deps.tokens, phone, code),
      locationId: input.locationId ?? null,
      requestedIp: input.ip,
      createdAt: nowDate,
      expiresAt,
    });
    const text = phoneCodeText(code, deps.webOtpHost);
    const messageId = await repos.smsMessages.insertQueuedMessage({
      phone,
      body: maskCode(text, code),
      provider: deps.sms.name,
      at: nowDate,
    });
    return { phone, text, messageId, expiresAt };
  });

  try {
    const { providerMessageId } = await deps.sms.send(queued.phone, queued.text);
    await deps.uow((repos) =>
      repos.smsMessages.markMessageSent(queued.messageId, providerMessageId, deps.clock.now()),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.uow((repos) =>
      repos.smsMessages.markMessageFailed(queued.messageId, reason.slice(0, 500)),
    );
    throw new DomainError('sms_failed', 'The SMS could not be sent; try again later', 'phone');
  }
  return {
    phone: queued.phone,
    expiresAt: queued.expiresAt,
    resendAt: new Date(now + PHONE_CODE_RULES.resendAfterMs),
  };
}
