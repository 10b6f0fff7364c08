import { randomBytes } from 'node:crypto';
import { DomainError, type PaymentNotification, type PaymentProvider } from '@visita/core';
import { signPayload, verifySignedPayload } from './signature';

/**
 * The hosted page of a test checkout; like a real acquirer's it carries where the payer goes
 * back to (`return`), which the page only links to when it is on our own origin.
 */
export function testCheckoutUrl(base: string, reference: string, returnUrl: string): string {
  const url = `${base.replace(/\/$/, '')}/pay/test/${reference}`;
  return returnUrl ? `${url}?return=${encodeURIComponent(returnUrl)}` : url;
}

/** The return URL when it is on the server's own origin (no open redirect), else null. */
export function ownReturnUrl(base: string, given: unknown): string | null {
  if (typeof given !== 'string' || given === '') return null;
  try {
    const url = new URL(given);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}

/** Card numbers of the built-in test acquirer (the usual sandbox numbers). */
export const TEST_CARDS = {
  success: '4242424242424242',
  decline: '4000000000000002',
} as const;

export const TEST_SIGNATURE_HEADER = 'visita-signature';

export interface TestAcquirer extends PaymentProvider {
  /** The webhook the acquirer sends when the payer submits the card form (body + header). */
  webhookFor(
    reference: string,
    outcome: 'succeeded' | 'declined',
    amountCents: number,
    currency: string,
    nowMs: number,
  ): { body: string; signature: string };
  /** What a card number means to this acquirer; null: not a test card. */
  outcomeOf(cardNumber: string): 'succeeded' | 'declined' | null;
}

/**
 * A local acquirer so the whole purchase runs on this machine: a hosted checkout page served by
 * our server (`/pay/test/{reference}`), test card numbers, and HMAC-signed webhooks delivered
 * to `/api/payments/webhooks/test` exactly as a real acquirer would. Never meant for production.
 */
export function testAcquirer(options: { publicUrl: string; secret: string }): TestAcquirer {
  const base = options.publicUrl.replace(/\/$/, '');
  return {
    name: 'test',
    createCheckout(request) {
      const reference = `tp_${randomBytes(16).toString('hex')}`;
      return Promise.resolve({
        reference,
        checkoutUrl: testCheckoutUrl(base, reference, request.returnUrl),
      });
    },
    verifyWebhook(rawBody, headers, now): PaymentNotification | null {
      verifySignedPayload(options.secret, rawBody, headers[TEST_SIGNATURE_HEADER], now);
      let event: { type?: unknown; reference?: unknown; amount?: unknown; currency?: unknown };
      try {
        event = JSON.parse(rawBody) as typeof event;
      } catch {
        throw new DomainError('bad_request', 'The webhook body is not JSON');
      }
      if (
        typeof event.reference !== 'string' ||
        typeof event.amount !== 'number' ||
        typeof event.currency !== 'string'
      )
        throw new DomainError(
          'bad_request',
          'The webhook body lacks reference, amount or currency',
        );
      if (event.type === 'checkout.succeeded' || event.type === 'checkout.declined')
        return {
          reference: event.reference,
          outcome: event.type === 'checkout.succeeded' ? 'succeeded' : 'declined',
          amountCents: event.amount,
          currency: event.currency,
        };
      return null; // an event type we do not act on
    },
    webhookFor(reference, outcome, amountCents, currency, nowMs) {
      const body = JSON.stringify({
        id: `evt_${randomBytes(8).toString('hex')}`,
        type: outcome === 'succeeded' ? 'checkout.succeeded' : 'checkout.declined',
        reference,
        amount: amountCents,
        currency,
      });
      return { body, signature: signPayload(options.secret, body, nowMs) };
    },
    outcomeOf(cardNumber) {
      const digits = cardNumber.replace(/[\s-]/g, '');
      if (digits === TEST_CARDS.success) return 'succeeded';
      if (digits === TEST_CARDS.decline) return 'declined';
      return null;
    },
  };
}
