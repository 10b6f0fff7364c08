import { ApiError } from './api';
import type { MessageKey, Translate } from './i18n';

/**
 * The server's messages are English. The errors it names — `meta.error_code` of the app API, or
 * the Altegio booking API's numbered codes (431–436) — are said in the app's language instead;
 * anything else keeps the server's text.
 */
const KEYS: Record<string, MessageKey> = {
  bad_code: 'error.bad_code',
  bad_phone: 'error.bad_phone',
  slot_taken: 'error.slot_taken',
  no_free_staff: 'error.slot_taken',
  not_allowed: 'error.not_allowed',
  rate_limited: 'error.rate_limited',
  consent_required: 'error.consent_required',
  blacklisted: 'error.blacklisted',
  name_required: 'error.name_required',
  sms_failed: 'error.sms_failed',
};
const BOOKING_CODES: Record<number, string> = {
  431: 'bad_phone',
  432: 'bad_code',
  433: 'slot_taken',
  434: 'blacklisted',
  435: 'name_required',
  436: 'no_free_staff',
};

/** The dictionary key of a known server error, or null. */
export function errorKey(error: Pick<ApiError, 'errorCode' | 'codes'>): MessageKey | null {
  const named = error.errorCode ?? error.codes.map((c) => BOOKING_CODES[c]).find(Boolean);
  return (named && KEYS[named]) || null;
}

/** What to tell the client about a failed request, in the app's language where known. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('app.error');
  const key = errorKey(error);
  return key ? t(key) : error.message || t('app.error');
}
