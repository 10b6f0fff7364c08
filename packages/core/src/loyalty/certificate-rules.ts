import { DomainError } from '../errors/domain-error';
import type { VisitService } from './membership-rules';
import type { Certificate, CertificateType } from './types';

const refuse = (message: string) => new DomainError('not_allowed', message, 'certificate_id');

export const ITEM_TYPE_TITLES: Record<number, string> = {
  0: 'Any services and goods',
  1: 'Services only',
  2: 'Goods only',
  3: 'Chosen services',
  4: 'Services of a category',
};

/** Whether a certificate of this type may pay for this service (visits are services). */
export function certificateAppliesToService(type: CertificateType, s: VisitService): boolean {
  switch (type.itemTypeId) {
    case 0:
    case 1:
      return true;
    case 2:
      return false;
    case 3:
      return type.serviceIds.includes(s.serviceId);
    case 4:
      return type.categoryId !== null && s.categoryId === type.categoryId;
  }
}

export const certificateValidAt = (type: CertificateType, locationId: number): boolean =>
  type.locationIds.length === 0 || type.locationIds.includes(locationId);

/**
 * How much of `eligibleCents` (what the certificate may pay for) it pays, and its balance
 * afterwards. Never more than the balance: the amount is min(requested, eligible, balance).
 * A single-use certificate is spent by its one use: what it does not cover is forfeited.
 */
export function redeemCertificate(
  c: Certificate,
  type: CertificateType,
  input: { locationId: number; eligibleCents: number; requestedCents?: number; now: number },
): { amountCents: number; balanceAfterCents: number; used: boolean } {
  if (c.expiresAt !== null && input.now >= c.expiresAt) throw refuse('The gift card has expired');
  if (c.used || c.balanceCents <= 0) throw refuse('The gift card has been used up');
  if (!certificateValidAt(type, input.locationId))
    throw refuse('The gift card is not valid at this location');
  if (input.eligibleCents <= 0) throw refuse('The gift card does not apply to these services');
  if (input.requestedCents !== undefined && input.requestedCents <= 0)
    throw new DomainError('validation_failed', 'amount must be positive', 'amount');
  const amountCents = Math.min(
    input.requestedCents ?? input.eligibleCents,
    input.eligibleCents,
    c.balanceCents,
  );
  const balanceAfterCents = c.isMulti ? c.balanceCents - amountCents : 0;
  return { amountCents, balanceAfterCents, used: !c.isMulti || balanceAfterCents === 0 };
}
