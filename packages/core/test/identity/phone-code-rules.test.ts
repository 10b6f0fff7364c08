import { describe, expect, it } from 'vitest';
import {
  digestsEqual,
  maskCode,
  newPhoneCode,
  phoneCodeDigest,
  phoneCodeText,
  readCode,
  type TokenCrypto,
} from '../../src';

const sequence = (tokens: string[]): TokenCrypto => {
  let i = 0;
  return { randomToken: () => tokens[i++ % tokens.length]!, sha256: (v) => `sha(${v})` };
};

describe('phone code rules', () => {
  it('makes 6-digit codes that never start with 0, whatever the randomness', () => {
    const tokens = sequence(['000000000000', 'ffffffffffff', '0000000dbba0', '123456789abc']);
    for (let i = 0; i < 4; i++) expect(newPhoneCode(tokens)).toMatch(/^[1-9]\d{5}$/);
  });

  it('binds the digest to the phone', () => {
    const tokens = sequence(['']);
    expect(phoneCodeDigest(tokens, '+49151', '123456')).not.toBe(
      phoneCodeDigest(tokens, '+49152', '123456'),
    );
  });

  it('compares digests fully, whatever their lengths', () => {
    expect(digestsEqual('abc', 'abc')).toBe(true);
    expect(digestsEqual('abc', 'abd')).toBe(false);
    expect(digestsEqual('abc', 'abcd')).toBe(false);
    expect(digestsEqual('', '')).toBe(true);
  });

  it('reads codes sent as strings or numbers; empty is no code', () => {
    expect(readCode(' 123456 ')).toBe('123456');
    expect(readCode(123456)).toBe('123456');
    expect(readCode('')).toBeNull();
    expect(readCode(undefined)).toBeNull();
  });

  it('ends the SMS with the Web OTP line and masks the code for the outbox', () => {
    const text = phoneCodeText('482913', 'app.example.org');
    expect(text.split('\n').at(-1)).toBe('@app.example.org #482913');
    expect(maskCode(text, '482913')).not.toContain('482913');
  });
});
