import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { normalizePhone } from '../clients/phone';
import { addPeriod, certificateExpiry } from './periods';
import type { InstrumentNumbers, LoyaltyRepos, LoyaltyUow } from './ports';
import type { Certificate, CertificateType, Membership, MembershipType } from './types';

export interface IssueContext {
  numbers: InstrumentNumbers;
  now: number;
}

interface Sale {
  locationId: number;
  timezone: string;
  phone: string;
  paymentId: number | null;
}

/** The type, locked for the rest of the transaction and read again after the lock. */
async function lockedType<T extends { id: number; chainId: number }>(
  r: LoyaltyRepos,
  kind: 'membership' | 'certificate',
  found: T,
  reread: () => Promise<T | null>,
): Promise<T> {
  const fresh = (await r.loyaltyTypes.lockTypeForIssue(kind, found.chainId, found.id))
    ? await reread()
    : null;
  if (!fresh) throw notFound(kind === 'membership' ? 'Membership type' : 'Certificate type');
  return fresh;
}

/** Writes a membership of `type` sold now (inside the caller's transaction). */
export async function writeMembership(
  r: LoyaltyRepos,
  ctx: IssueContext,
  found: MembershipType,
  sale: Sale,
): Promise<Membership> {
  const type = await lockedType(r, 'membership', found, () =>
    r.loyaltyTypes.findMembershipType(found.chainId, found.id),
  );
  return r.memberships.insertMembership({
    chainId: type.chainId,
    typeId: type.id,
    number: ctx.numbers.next('membership'),
    phone: sale.phone,
    soldLocationId: sale.locationId,
    visitsTotal: type.visits,
    startsAt: ctx.now,
    expiresAt: addPeriod(ctx.now, type.period, type.periodUnitId, sale.timezone),
    paymentId: sale.paymentId,
  });
}

/** Writes a certificate of `type` sold now with the type's face value and expiry. */
export async function writeCertificate(
  r: LoyaltyRepos,
  ctx: IssueContext,
  found: CertificateType,
  sale: Sale,
): Promise<Certificate> {
  const type = await lockedType(r, 'certificate', found, () =>
    r.loyaltyTypes.findCertificateType(found.chainId, found.id),
  );
  return r.certificates.insertCertificate({
    chainId: type.chainId,
    typeId: type.id,
    number: ctx.numbers.next('certificate'),
    phone: sale.phone,
    soldLocationId: sale.locationId,
    balanceCents: type.balanceCents,
    isMulti: type.isMulti,
    expiresAt: certificateExpiry(type, ctx.now, sale.timezone),
    paymentId: sale.paymentId,
  });
}

type Deps = { uow: LoyaltyUow; clock: Clock; numbers: InstrumentNumbers };

const phoneOf = (raw: string): string => normalizePhone(raw);

/** A sale at the desk (the Visita path `POST /company/{id}/loyalty/abonements`). */
export async function sellMembership(
  deps: Deps,
  locationId: number,
  input: { typeId: number; phone: string },
): Promise<Membership> {
  const phone = phoneOf(input.phone);
  return deps.uow(async (r) => {
    const loc = await r.chainScope.findLocationChain(locationId);
    if (!loc) throw notFound('Location');
    const type = await r.loyaltyTypes.findMembershipType(loc.chainId, input.typeId);
    if (!type) throw invalid('abonement_type_id', 'No such membership type in this chain');
    if (type.locationIds.length && !type.locationIds.includes(locationId))
      throw new DomainError(
        'not_allowed',
        'This membership type is not sold at this location',
        'abonement_type_id',
      );
    const ctx = { numbers: deps.numbers, now: deps.clock.now().getTime() };
    return writeMembership(r, ctx, type, {
      locationId,
      timezone: loc.timezone,
      phone,
      paymentId: null,
    });
  });
}

export async function sellCertificate(
  deps: Deps,
  locationId: number,
  input: { typeId: number; phone: string },
): Promise<Certificate> {
  const phone = phoneOf(input.phone);
  return deps.uow(async (r) => {
    const loc = await r.chainScope.findLocationChain(locationId);
    if (!loc) throw notFound('Location');
    const type = await r.loyaltyTypes.findCertificateType(loc.chainId, input.typeId);
    if (!type) throw invalid('certificate_type_id', 'No such certificate type in this chain');
    if (type.locationIds.length && !type.locationIds.includes(locationId))
      throw new DomainError(
        'not_allowed',
        'This certificate type is not sold at this location',
        'certificate_type_id',
      );
    const ctx = { numbers: deps.numbers, now: deps.clock.now().getTime() };
    return writeCertificate(r, ctx, type, {
      locationId,
      timezone: loc.timezone,
      phone,
      paymentId: null,
    });
  });
}
