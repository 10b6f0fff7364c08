import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { writeCertificate, writeMembership } from './issue-instrument';
import type { InstrumentNumbers, LoyaltyUow } from './ports';
import type {
  ItemKind,
  Payment,
  PaymentNotification,
  PaymentProvider,
  PaymentUow,
} from './payment-ports';
import type { CertificateType, MembershipType } from './types';

export interface Offers {
  locationId: number;
  currency: string;
  memberships: MembershipType[];
  certificates: CertificateType[];
}

const soldAt = (ids: number[], locationId: number) => ids.length === 0 || ids.includes(locationId);

/** Membership and gift card types on online sale at a location (its chain's types valid there). */
export async function listOnlineOffers(
  deps: { uow: LoyaltyUow },
  locationId: number,
): Promise<Offers> {
  return deps.uow(async (r) => {
    const loc = await r.chainScope.findLocationChain(locationId);
    if (!loc) throw notFound('Location');
    const memberships = (await r.loyaltyTypes.listMembershipTypes(loc.chainId)).filter(
      (t) => t.onlineSale.enabled && soldAt(t.locationIds, locationId),
    );
    const certificates = (await r.loyaltyTypes.listCertificateTypes(loc.chainId)).filter(
      (t) => t.onlineSale.enabled && soldAt(t.locationIds, locationId),
    );
    return { locationId, currency: loc.currency, memberships, certificates };
  });
}

type SaleDeps = { uow: PaymentUow; clock: Clock; numbers: InstrumentNumbers };

/** The price of an online sale: the online price when set, else the type's price / face value. */
const onlinePrice = (t: MembershipType | CertificateType) =>
  t.onlineSale.priceCents > 0
    ? t.onlineSale.priceCents
    : 'priceCents' in t
      ? t.priceCents
      : t.balanceCents;
const onlineTitle = (t: MembershipType | CertificateType) => t.onlineSale.title.trim() || t.title;

/** Why an online purchase is refused (`meta.details.reason`, with `action: 'purchase'`). */
export const PURCHASE_DENIED_REASONS = ['no_online_price'] as const;
type PurchaseDeniedReason = (typeof PURCHASE_DENIED_REASONS)[number];

/**
 * Starts buying a type on online sale: a pending payment and the acquirer's checkout page.
 * Nothing is issued until the acquirer's signed webhook says the payment succeeded.
 */
export async function startPurchase(
  deps: SaleDeps & { provider: PaymentProvider; returnUrl: string },
  buyer: { appUserId: number | null; phone: string },
  input: { kind: ItemKind; typeId: number; locationId: number },
): Promise<{ payment: Payment; checkoutUrl: string }> {
  const offers = await listOnlineOffers(deps, input.locationId);
  const type =
    input.kind === 'membership'
      ? offers.memberships.find((t) => t.id === input.typeId)
      : offers.certificates.find((t) => t.id === input.typeId);
  if (!type) throw invalid('type_id', 'This type is not on online sale at this location');
  const amountCents = onlinePrice(type);
  if (amountCents <= 0)
    throw new DomainError('not_allowed', 'This type has no online price', 'type_id', {
      action: 'purchase',
      reason: 'no_online_price' satisfies PurchaseDeniedReason,
    });
  const title = onlineTitle(type);
  // The acquirer's reference is known only after the checkout exists; the payment row follows.
  const checkout = await deps.provider.createCheckout({
    amountCents,
    currency: offers.currency,
    title,
    returnUrl: deps.returnUrl,
    metadata: { kind: input.kind, type_id: String(type.id), location_id: String(input.locationId) },
  });
  const payment = await deps.uow((r) =>
    r.payments.insertPayment({
      chainId: type.chainId,
      locationId: input.locationId,
      appUserId: buyer.appUserId,
      phone: buyer.phone,
      provider: deps.provider.name,
      itemKind: input.kind,
      itemTypeId: type.id,
      title,
      amountCents,
      currency: offers.currency,
      providerRef: checkout.reference,
    }),
  );
  return { payment, checkoutUrl: checkout.checkoutUrl };
}

/**
 * Applies a verified acquirer notification. The pending → settled step is one conditional
 * UPDATE, so of any number of deliveries (retries, concurrent ones) exactly one proceeds; it
 * issues the instrument (whose UNIQUE payment_id is the second guard), records it on the payment
 * and writes `payment.succeeded` to the outbox, all in one transaction.
 */
export async function applyPaymentNotification(
  deps: SaleDeps,
  provider: string,
  n: PaymentNotification,
): Promise<{ payment: Payment | null; applied: boolean }> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (r) => {
    const known = await r.payments.findPaymentByRef(provider, n.reference);
    if (!known) throw notFound('Payment');
    if (
      n.outcome === 'succeeded' &&
      (n.amountCents !== known.amountCents || n.currency !== known.currency)
    )
      throw new DomainError(
        'validation_failed',
        'The paid amount does not match the payment',
        'amount',
      );
    const p = await r.payments.settlePayment(provider, n.reference, n.outcome, now);
    if (!p) return { payment: known, applied: false };
    if (p.status !== 'succeeded') return { payment: p, applied: true };
    const loc = (await r.chainScope.findLocationChain(p.locationId))!;
    const sale = {
      locationId: p.locationId,
      timezone: loc.timezone,
      phone: p.phone,
      paymentId: p.id,
    };
    const ctx = { numbers: deps.numbers, now };
    let itemId: number;
    if (p.itemKind === 'membership') {
      const type = await r.loyaltyTypes.findMembershipType(p.chainId, p.itemTypeId);
      if (!type) throw notFound('Membership type');
      itemId = (await writeMembership(r, ctx, type, sale)).id;
    } else {
      const type = await r.loyaltyTypes.findCertificateType(p.chainId, p.itemTypeId);
      if (!type) throw notFound('Certificate type');
      itemId = (await writeCertificate(r, ctx, type, sale)).id;
    }
    await r.payments.setIssuedItem(p.id, itemId);
    const clientId = await r.chainScope.ensureClient(p.locationId, p.phone, '');
    await r.outbox.addEvent({
      locationId: p.locationId,
      type: 'payment.succeeded',
      aggregateId: p.id,
      payload: {
        clientId,
        paymentId: p.id,
        amount: p.amountCents / 100,
        currency: p.currency,
        itemKind: p.itemKind,
        itemId,
        title: p.title,
        phone: p.phone,
        appUserId: p.appUserId,
      },
    });
    return { payment: { ...p, issuedItemId: itemId }, applied: true };
  });
}

/** A payment as its buyer may see it (another user's payment looks like a missing one). */
export async function getMyPayment(
  deps: { uow: PaymentUow },
  appUserId: number,
  paymentId: number,
): Promise<Payment> {
  const p = await deps.uow((r) => r.payments.findPayment(paymentId));
  if (!p || p.appUserId !== appUserId) throw notFound('Payment');
  return p;
}
