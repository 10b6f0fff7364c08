import type { APP_REFUSALS } from '@visita/contracts';
import { ApiError } from './api';
import type { MessageKey, Translate } from './i18n';

type DeniedAction = keyof typeof APP_REFUSALS;
type DeniedReason = (typeof APP_REFUSALS)[DeniedAction][number];

/**
 * A 422 `not_allowed` of the app API says why (`meta.details.reason`) and about what
 * (`meta.details.action`: cancel, reschedule, review, confirm, purchase): each reason has its
 * own message, some of them one per action.
 */
const DENIED: Record<DeniedReason, MessageKey> = {
  canceled: 'deny.canceled',
  started: 'deny.started',
  location_forbids: 'deny.location_forbids',
  too_late: 'deny.too_late',
  group_event: 'deny.group_event',
  not_visited_yet: 'deny.not_visited_yet',
  already_reviewed: 'deny.already_reviewed',
  nothing_to_confirm: 'deny.nothing_to_confirm',
  no_online_price: 'deny.no_online_price',
};
const DENIED_BY_ACTION: Partial<Record<`${DeniedAction}.${DeniedReason}`, MessageKey>> = {
  'cancel.started': 'deny.cancel.started',
  'cancel.location_forbids': 'deny.cancel.location_forbids',
  'cancel.too_late': 'deny.cancel.too_late',
  'reschedule.started': 'deny.reschedule.started',
  'reschedule.location_forbids': 'deny.reschedule.location_forbids',
  'reschedule.too_late': 'deny.reschedule.too_late',
  'review.canceled': 'deny.review.canceled',
  'confirm.canceled': 'deny.confirm.canceled',
};

function deniedKey(details: Record<string, unknown>): MessageKey | null {
  const reason = details.reason;
  if (typeof reason !== 'string' || !(reason in DENIED)) return null;
  const byAction =
    DENIED_BY_ACTION[`${String(details.action)}.${reason}` as `cancel.${DeniedReason}`];
  return byAction ?? DENIED[reason as DeniedReason];
}

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
export function errorKey(
  error: Pick<ApiError, 'errorCode' | 'codes'> & { details?: Record<string, unknown> },
): MessageKey | null {
  if (error.errorCode === 'not_allowed') {
    const denied = deniedKey(error.details ?? {});
    if (denied) return denied;
  }
  const named = error.errorCode ?? error.codes.map((c) => BOOKING_CODES[c]).find(Boolean);
  return (named && KEYS[named]) || null;
}

/** What to tell the client about a failed request, in the app's language where known. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('app.error');
  const key = errorKey(error);
  return key ? t(key) : error.message || t('app.error');
}
