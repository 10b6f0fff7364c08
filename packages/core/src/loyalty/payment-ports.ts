import type { UnitOfWork } from '../catalog/ports';
import type { LoyaltyRepos } from './ports';

export type PaymentStatus = 'pending' | 'succeeded' | 'declined';
export type ItemKind = 'membership' | 'certificate';

export interface Payment {
  id: number;
  chainId: number;
  locationId: number;
  appUserId: number | null;
  phone: string;
  provider: string;
  itemKind: ItemKind;
  itemTypeId: number;
  title: string;
  amountCents: number;
  currency: string;
  status: PaymentStatus;
  providerRef: string;
  issuedItemId: number | null;
  createdAt: number;
  settledAt: number | null;
}

export type NewPayment = Omit<
  Payment,
  'id' | 'status' | 'issuedItemId' | 'createdAt' | 'settledAt'
>;

export interface PaymentsRepo {
  insertPayment(p: NewPayment): Promise<Payment>;
  findPayment(id: number): Promise<Payment | null>;
  findPaymentByRef(provider: string, ref: string): Promise<Payment | null>;
  /**
   * pending → succeeded|declined in one conditional UPDATE; null when the payment is not pending
   * any more (an earlier or concurrent delivery of the same webhook settled it).
   */
  settlePayment(
    provider: string,
    ref: string,
    status: 'succeeded' | 'declined',
    now: number,
  ): Promise<Payment | null>;
  setIssuedItem(id: number, itemId: number): Promise<void>;
}

export type PaymentRepos = LoyaltyRepos & { payments: PaymentsRepo };
export type PaymentUow = UnitOfWork<PaymentRepos>;

/** What a hosted checkout needs; the provider answers with its own reference and a page to send the payer to. */
export interface CheckoutRequest {
  amountCents: number;
  currency: string;
  title: string;
  /** Where the payer comes back after paying. */
  returnUrl: string;
  metadata: Record<string, string>;
}

/** A verified notification from the acquirer about one checkout. */
export interface PaymentNotification {
  reference: string;
  outcome: 'succeeded' | 'declined';
  amountCents: number;
  currency: string;
}

/**
 * An acquirer with a hosted checkout page and signed webhooks. Everything outside this machine
 * (the real acquirer) is behind this port; the built-in `test` acquirer implements it locally.
 */
export interface PaymentProvider {
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<{ reference: string; checkoutUrl: string }>;
  /** Verifies the signature over the raw body; throws `unauthenticated` when it does not match. */
  verifyWebhook(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    now: number,
  ): PaymentNotification | null;
}
