/**
 * Web OTP: where the browser supports it, the SMS (ending `@host #123456`) fills the code field
 * by itself once the client agrees. Elsewhere `autocomplete="one-time-code"` lets the keyboard
 * offer it. Returns a function that stops listening.
 */
export function listenForSmsCode(onCode: (code: string) => void): () => void {
  if (!('OTPCredential' in window) || !navigator.credentials) return () => undefined;
  const abort = new AbortController();
  const options = { otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions;
  navigator.credentials
    .get(options)
    .then((credential) => {
      const code = (credential as { code?: string } | null)?.code;
      if (code) onCode(code);
    })
    .catch(() => undefined);
  return () => abort.abort();
}
