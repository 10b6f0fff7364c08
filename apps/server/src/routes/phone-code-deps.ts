import type { RequestPhoneCodeDeps } from '@visita/core';
import type { ServerDeps } from '../deps';

/** The host of the Web OTP line (`@host #code`): the public URL's host name. */
function webOtpHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname;
  } catch {
    return publicUrl;
  }
}

/** What requesting a code needs beyond the usual deps, read from the configuration once. */
export function phoneCodeDeps(deps: ServerDeps): RequestPhoneCodeDeps {
  return {
    uow: deps.uow,
    clock: deps.clock,
    tokens: deps.tokens,
    sms: deps.sms,
    webOtpHost: webOtpHost(deps.config.publicUrl),
    codesPerIpPerHour: deps.config.smsCodesPerIpPerHour,
  };
}
