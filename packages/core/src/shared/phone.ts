import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DomainError } from '../errors/domain-error';

/**
 * Phones are identities (login, client matching), so every phone is stored in E.164.
 * Integrations send `79161234567` (digits with country code, no plus) as well as `+1 315 555 0175`;
 * a national number is read in the location's country when one is known.
 */
export function normalizePhone(
  raw: string | number,
  defaultCountry?: CountryCode,
  field = 'phone',
): string {
  const text = String(raw).trim();
  const digits = text.replace(/[^\d+]/g, '');
  const candidates = digits.startsWith('+')
    ? [digits]
    : ['+' + digits, ...(defaultCountry ? [text] : [])];
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
    if (parsed?.isValid()) return parsed.number;
  }
  throw new DomainError('bad_phone', `"${text}" is not a valid phone number`, field);
}
