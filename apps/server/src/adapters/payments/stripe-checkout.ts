import { DomainError, type PaymentNotification, type PaymentProvider } from '@visita/core';
import { verifySignedPayload } from './signature';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** https://api.stripe.com unless a proxy or mock stands in front of it. */
  apiBase: string;
}

/**
 * The shape of a real acquirer: Stripe Checkout (hosted page + `Stripe-Signature` webhooks).
 * It cannot be exercised here (no network to the acquirer); its signature check is the same
 * code the test acquirer's webhooks go through.
 */
export function stripeCheckout(s: StripeSettings): PaymentProvider {
  return {
    name: 'stripe',
    async createCheckout(request) {
      const form = new URLSearchParams({
        mode: 'payment',
        success_url: request.returnUrl,
        cancel_url: request.returnUrl,
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': request.currency.toLowerCase(),
        'line_items[0][price_data][unit_amount]': String(request.amountCents),
        'line_items[0][price_data][product_data][name]': request.title,
      });
      for (const [k, v] of Object.entries(request.metadata)) form.set(`metadata[${k}]`, v);
      const res = await fetch(`${s.apiBase.replace(/\/$/, '')}/v1/checkout/sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${s.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form,
      });
      if (!res.ok)
        throw new DomainError(
          'payment_failed',
          `The acquirer refused the checkout (${res.status})`,
        );
      const session = (await res.json()) as { id: string; url: string };
      return { reference: session.id, checkoutUrl: session.url };
    },
    verifyWebhook(rawBody, headers, now): PaymentNotification | null {
      verifySignedPayload(s.webhookSecret, rawBody, headers['stripe-signature'], now);
      const event = JSON.parse(rawBody) as {
        type: string;
        data: {
          object: { id: string; amount_total: number; currency: string; payment_status?: string };
        };
      };
      const session = event.data.object;
      const base = {
        reference: session.id,
        amountCents: session.amount_total,
        currency: session.currency.toUpperCase(),
      };
      if (event.type === 'checkout.session.completed' && session.payment_status === 'paid')
        return { ...base, outcome: 'succeeded' };
      if (event.type === 'checkout.session.async_payment_succeeded')
        return { ...base, outcome: 'succeeded' };
      if (
        event.type === 'checkout.session.async_payment_failed' ||
        event.type === 'checkout.session.expired'
      )
        return { ...base, outcome: 'declined' };
      return null;
    },
  };
}
