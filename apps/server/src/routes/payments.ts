import { applyPaymentNotification, DomainError, fromCents, type Payment } from '@visita/core';
import { errorResponses } from '@visita/contracts';
import type { FastifyInstance } from 'fastify';
import { TEXT_PATTERN } from '@visita/contracts';
import Type from 'typebox';
import {
  ownReturnUrl,
  TEST_CARDS,
  TEST_SIGNATURE_HEADER,
} from '../adapters/payments/test-acquirer';
import type { ServerDeps } from '../deps';
import { errorBody } from '../plugins/errors';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}input,button{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box;margin:.3rem 0}.note{color:#666;font-size:.9rem}</style></head><body>${body}</body></html>`;
}

function checkoutForm(p: Payment, returnUrl: string | null, message = ''): string {
  const amount = `${fromCents(p.amountCents).toFixed(2)} ${escapeHtml(p.currency)}`;
  return page(
    `Pay ${amount}`,
    `<h1>Visita test checkout</h1><p><strong>${escapeHtml(p.title)}</strong></p><p id="amount">${amount}</p>
${message ? `<p id="message" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post"><label>Card number <input name="card_number" inputmode="numeric" autocomplete="cc-number" required></label>
<button type="submit">Pay ${amount}</button></form>
<p class="note">Test acquirer: ${TEST_CARDS.success.replace(/(\d{4})/g, '$1 ').trim()} succeeds, ${TEST_CARDS.decline.replace(/(\d{4})/g, '$1 ').trim()} is declined. No money moves.</p>
${backLink(returnUrl, 'Cancel and return to the shop')}`,
  );
}

/** A link back to where the payer came from (the merchant's return URL, own origin only). */
const backLink = (returnUrl: string | null, text: string) =>
  returnUrl ? `<p><a id="return" href="${escapeHtml(returnUrl)}">${text}</a></p>` : '';

const resultPage = (p: Payment, returnUrl: string | null) =>
  page(
    p.status === 'succeeded' ? 'Payment succeeded' : 'Payment declined',
    `<h1 id="status" data-status="${p.status}">${p.status === 'succeeded' ? 'Payment succeeded' : 'Payment declined'}</h1><p>${escapeHtml(p.title)}</p>
${backLink(returnUrl, 'Return to the shop')}`,
  );

/**
 * Online payments outside the API prefixes: acquirer webhooks (`/api/payments/webhooks/{provider}`,
 * verified on the raw body) and the built-in test acquirer's hosted checkout page (`/pay/test/…`).
 */
export function paymentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const saleDeps = { ...deps, numbers: deps.loyalty.numbers };

  void app.register(async (scope) => {
    // The signature covers the exact bytes sent: keep the body as a string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/payments/webhooks/:provider',
      {
        schema: {
          tags: ['Payments'],
          summary:
            'Acquirer webhook (signed); the test acquirer signs with `Visita-Signature: t=…,v1=…`',
          params: Type.Object({ provider: Type.String({ maxLength: 32, pattern: TEXT_PATTERN }) }),
          response: {
            200: Type.Object({ received: Type.Boolean(), applied: Type.Boolean() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const name = (request.params as { provider: string }).provider;
        // Checked here, not as a schema pattern, to keep the published contract unchanged.
        if (!/^[a-z0-9_-]+$/.test(name))
          throw new DomainError('bad_request', 'provider is not a provider name', 'provider');
        const provider = deps.loyalty.providers.get(name);
        if (!provider) return reply.status(404).send(errorBody(`No payment provider ${name}`));
        const raw = typeof request.body === 'string' ? request.body : '';
        const notification = provider.verifyWebhook(
          raw,
          request.headers,
          deps.clock.now().getTime(),
        );
        if (!notification) return { received: true, applied: false };
        const result = await applyPaymentNotification(saleDeps, provider.name, notification);
        return { received: true, applied: result.applied };
      },
    );
  });

  app.get(
    '/media/loyalty/:file',
    {
      schema: {
        hide: true,
        params: Type.Object({ file: Type.String({ maxLength: 80, pattern: TEXT_PATTERN }) }),
      },
    },
    async (request, reply) => {
      const found = await deps.loyalty.store.get((request.params as { file: string }).file);
      if (!found) return reply.status(404).send(errorBody('Image not found'));
      return reply
        .type(found.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(found.bytes));
    },
  );

  if (!deps.loyalty.providers.has('test')) return;
  const acquirer = deps.loyalty.testAcquirer;
  const findByRef = async (reference: string) => {
    const p = await deps.read((r) => r.payments.findPaymentByRef('test', reference));
    if (!p) throw new DomainError('not_found', 'Payment not found');
    return p;
  };
  const Ref = Type.Object({ reference: Type.String({ pattern: '^tp_[0-9a-f]{32}$' }) });
  const Return = Type.Object({
    return: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
  });
  const returnOf = (query: unknown) =>
    ownReturnUrl(deps.config.publicUrl, (query as { return?: string } | undefined)?.return);

  app.get(
    '/pay/test/:reference',
    { schema: { hide: true, params: Ref, querystring: Return } },
    async (request, reply) => {
      const p = await findByRef((request.params as { reference: string }).reference);
      const back = returnOf(request.query);
      return reply
        .type('text/html')
        .send(p.status === 'pending' ? checkoutForm(p, back) : resultPage(p, back));
    },
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post(
      '/pay/test/:reference',
      { schema: { hide: true, params: Ref, querystring: Return } },
      async (request, reply) => {
        const reference = (request.params as { reference: string }).reference;
        const back = returnOf(request.query);
        const p = await findByRef(reference);
        if (p.status !== 'pending') return reply.type('text/html').send(resultPage(p, back));
        const given = (request.body as Record<string, unknown> | null)?.card_number;
        const card = typeof given === 'string' ? given : '';
        const outcome = acquirer.outcomeOf(card);
        if (!outcome)
          return reply
            .status(422)
            .type('text/html')
            .send(checkoutForm(p, back, 'Unknown test card number'));
        // The acquirer tells the merchant through the signed webhook, as a real one would.
        const hook = acquirer.webhookFor(
          reference,
          outcome,
          p.amountCents,
          p.currency,
          deps.clock.now().getTime(),
        );
        const delivered = await app.inject({
          method: 'POST',
          url: '/api/payments/webhooks/test',
          headers: { 'content-type': 'application/json', [TEST_SIGNATURE_HEADER]: hook.signature },
          payload: hook.body,
        });
        if (delivered.statusCode !== 200)
          request.log.error({ status: delivered.statusCode }, 'test webhook not accepted');
        return reply.type('text/html').send(resultPage(await findByRef(reference), back));
      },
    );
  });
}
