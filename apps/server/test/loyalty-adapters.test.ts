import { describe, expect, it } from 'vitest';
import { signS3Request } from '../src/adapters/loyalty/image-store';
import { randomInstrumentNumbers } from '../src/adapters/loyalty/numbers';
import { signPayload, verifySignedPayload } from '../src/adapters/payments/signature';
import { testAcquirer } from '../src/adapters/payments/test-acquirer';

describe('S3 request signing (Signature Version 4)', () => {
  it('matches the GET Object example of the AWS documentation', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
    const headers = signS3Request(
      {
        endpoint: 'https://examplebucket.s3.amazonaws.com',
        region: 'us-east-1',
        bucket: 'examplebucket',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        prefix: '',
      },
      {
        method: 'GET',
        path: '/test.txt',
        headers: { range: 'bytes=0-9' },
        now: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('webhook signatures', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('accepts the signed body, refuses another body, another secret, a stale or future timestamp', () => {
    const header = signPayload('s3cret', '{"a":1}', now);
    expect(() => verifySignedPayload('s3cret', '{"a":1}', header, now + 60_000)).not.toThrow();
    expect(() => verifySignedPayload('s3cret', '{"a":2}', header, now)).toThrow(/signature/);
    expect(() => verifySignedPayload('other', '{"a":1}', header, now)).toThrow(/signature/);
    expect(() => verifySignedPayload('s3cret', '{"a":1}', header, now + 301_000)).toThrow(
      /signature/,
    );
    expect(() => verifySignedPayload('s3cret', '{"a":1}', header, now - 301_000)).toThrow(
      /signature/,
    );
    expect(() => verifySignedPayload('s3cret', '{"a":1}', undefined, now)).toThrow(/signature/);
    expect(() => verifySignedPayload('s3cret', '{"a":1}', 't=abc,v1=00', now)).toThrow(/signature/);
  });
  it('the test acquirer reads its own webhooks and knows its test cards', () => {
    const acquirer = testAcquirer({ publicUrl: 'http://x', secret: 'k' });
    const hook = acquirer.webhookFor('tp_1', 'succeeded', 4500, 'EUR', now);
    expect(acquirer.verifyWebhook(hook.body, { 'visita-signature': hook.signature }, now)).toEqual({
      reference: 'tp_1',
      outcome: 'succeeded',
      amountCents: 4500,
      currency: 'EUR',
    });
    expect(acquirer.outcomeOf('4242 4242 4242 4242')).toBe('succeeded');
    expect(acquirer.outcomeOf('4000-0000-0000-0002')).toBe('declined');
    expect(acquirer.outcomeOf('4111111111111111')).toBeNull();
  });
});

describe('instrument numbers', () => {
  it('gift card codes: 16 unambiguous characters in groups of four; numbers: 12 digits; no repeats', () => {
    const codes = new Set(
      Array.from({ length: 2000 }, () => randomInstrumentNumbers.next('certificate')),
    );
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    expect(randomInstrumentNumbers.next('membership')).toMatch(/^\d{12}$/);
  });
});
