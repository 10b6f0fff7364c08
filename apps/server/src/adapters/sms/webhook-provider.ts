import type { SmsProvider } from '@visita/core';

const TIMEOUT_MS = 10_000;

/**
 * Hands the message to a gateway of the operator's choice: `POST <url>` with JSON `{to, text}`.
 * Any 2xx is success; an `id` (or `message_id`) in a JSON answer is kept as the provider's id.
 */
export function webhookSmsProvider(url: string, fetchImpl: typeof fetch = fetch): SmsProvider {
  return {
    name: 'webhook',
    async send(to, text) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await response.text();
      if (!response.ok)
        throw new Error(`SMS webhook answered ${response.status}: ${body.slice(0, 200)}`);
      let id: unknown;
      try {
        const json = JSON.parse(body) as { id?: unknown; message_id?: unknown };
        id = json.id ?? json.message_id;
      } catch {
        id = undefined;
      }
      return {
        providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : '',
      };
    },
  };
}
