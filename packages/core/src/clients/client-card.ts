import { DomainError, invalid } from '../errors/domain-error';
import { isValidLocalDate } from '../time/wire-format';
import { normalizePhone } from './phone';
import type { ClientCardFields, ClientDraft, ClientPatch, CustomFieldValue } from './types';

/** A client card as the back office sends it (wire names mapped, values not yet checked). */
export interface ClientCardInput extends Partial<Omit<ClientCardFields, 'birthDate'>> {
  phone?: string | number;
  /** `YYYY-MM-DD`; empty or null clears it. */
  birthDate?: string | null;
  openingSpent?: number;
  categoryIds?: number[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_CUSTOM_FIELDS = 50;

const DEFAULTS: Omit<ClientDraft, 'phone' | 'name'> = {
  surname: '',
  patronymic: '',
  email: '',
  sexId: 0,
  importanceId: 0,
  discount: 0,
  card: '',
  birthDate: null,
  comment: '',
  smsCheck: false,
  smsNot: false,
  balance: 0,
  customFields: {},
  openingSpent: 0,
  categoryIds: [],
};

/** The phone in E.164, or a 422 naming `phone`. */
export function clientPhone(raw: string | number): string {
  try {
    return normalizePhone(raw, undefined, 'phone');
  } catch (error) {
    if (error instanceof DomainError) throw invalid('phone', error.message);
    throw error;
  }
}

function birthDate(value: string | null, today: string): string | null {
  if (value === null || value.trim() === '') return null;
  if (!isValidLocalDate(value))
    throw invalid('birth_date', 'birth_date must be a date "YYYY-MM-DD"');
  if (value > today) throw invalid('birth_date', 'birth_date must not be in the future');
  if (value < '1900-01-01') throw invalid('birth_date', 'birth_date must not be before 1900');
  return value;
}

function customFields(value: Record<string, CustomFieldValue>): Record<string, CustomFieldValue> {
  const entries = Object.entries(value);
  if (entries.length > MAX_CUSTOM_FIELDS)
    throw invalid('custom_fields', `custom_fields holds at most ${MAX_CUSTOM_FIELDS} keys`);
  for (const [key, v] of entries) {
    if (!/^[\w.-]{1,64}$/.test(key))
      throw invalid(
        'custom_fields',
        `custom_fields key "${key.slice(0, 64)}" is not a valid api key`,
      );
    if (typeof v === 'string' && v.length > 2000)
      throw invalid('custom_fields', `custom_fields.${key} is longer than 2000 characters`);
  }
  return Object.fromEntries(entries);
}

/**
 * Checks and normalises the fields present in `input` (texts trimmed, phone in E.164). `today`
 * is the location's local date (a birth date may not lie after it).
 */
export function checkClientCard(
  input: ClientCardInput,
  today: string,
): ClientPatch & { openingSpent?: number } {
  const out: ClientPatch & { openingSpent?: number } = {};
  if (input.phone !== undefined) out.phone = clientPhone(input.phone);
  for (const key of ['name', 'surname', 'patronymic', 'email', 'card', 'comment'] as const) {
    const value = input[key];
    if (value !== undefined) out[key] = value.trim();
  }
  if (out.name !== undefined && out.name === '') throw invalid('name', 'name must not be empty');
  if (out.email && !EMAIL.test(out.email)) throw invalid('email', 'email is not a valid address');
  if (input.sexId !== undefined) out.sexId = input.sexId;
  if (input.importanceId !== undefined) out.importanceId = input.importanceId;
  if (input.discount !== undefined) out.discount = input.discount;
  if (input.smsCheck !== undefined) out.smsCheck = input.smsCheck;
  if (input.smsNot !== undefined) out.smsNot = input.smsNot;
  if (input.balance !== undefined) out.balance = input.balance;
  if (input.openingSpent !== undefined) out.openingSpent = input.openingSpent;
  if (input.birthDate !== undefined) out.birthDate = birthDate(input.birthDate, today);
  if (input.customFields !== undefined) out.customFields = customFields(input.customFields);
  if (input.categoryIds !== undefined) out.categoryIds = [...new Set(input.categoryIds)];
  return out;
}

/** A new card: name and phone are required, everything else takes its empty value. */
export function newClientDraft(input: ClientCardInput, today: string): ClientDraft {
  if (input.name === undefined) throw invalid('name', 'name is required');
  if (input.phone === undefined) throw invalid('phone', 'phone is required');
  const checked = checkClientCard(input, today);
  return { ...DEFAULTS, ...checked, name: checked.name!, phone: checked.phone! };
}
