/**
 * A rule of the domain said no. `code` is stable (clients and the HTTP mapping key on it);
 * `field` names the offending input when there is one; `details` carries machine-readable extras
 * (for example the Altegio booking error codes 431–438).
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'slot_taken'
  | 'no_free_staff'
  | 'overlap_in_request'
  | 'service_unavailable'
  | 'bad_phone'
  | 'bad_code'
  | 'blacklisted'
  | 'name_required'
  | 'capacity_exceeded'
  | 'not_allowed'
  | 'rate_limited'
  | 'consent_required'
  | 'sms_failed'
  | 'payment_failed';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('not_found', `${what} not found`);

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('validation_failed', message, field);
