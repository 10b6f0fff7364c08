import type { SmsProvider } from '@visita/core';

const TIMEOUT_MS = 10_000;

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** A sender number in E.164, or a Messaging Service SID (`MG…`). */
  from: string;
  /** `https://api.twilio.com`; tests point it at a local stand-in. */
  baseUrl: string;
}

/**
 * Twilio's Messages API: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded
 * `To`, `From` (or `MessagingServiceSid`) and `Body`, HTTP basic auth with the account SID and
 * auth token. Success is 201 with the message's `sid`; errors carry `{code, message}`.
 */
export function twilioSmsProvider(
  settings: TwilioSettings,
  fetchImpl: typeof fetch = fetch,
): SmsProvider {
  const url = `${settings.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(to, text) {
      const form = new URLSearchParams({ To: to, Body: text });
      if (settings.from.startsWith('MG')) form.set('MessagingServiceSid', settings.from);
      else form.set('From', settings.from);
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const json = (await response.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (!response.ok || !json.sid)
        throw new Error(
          `Twilio answered ${response.status}${json.code ? ` (error ${json.code})` : ''}: ${json.message ?? 'no message id'}`,
        );
      return { providerMessageId: json.sid };
    },
  };
}
