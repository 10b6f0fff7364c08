import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { argon2Hasher, constantTimeEqual, tokenCrypto } from '../src/adapters/crypto';

describe('argon2Hasher', () => {
  it('hashes with argon2id and a fresh salt; the hash is not the password', async () => {
    const first = await argon2Hasher.hash('secret123');
    const second = await argon2Hasher.hash('secret123');
    expect(first).not.toContain('secret123');
    expect(first).toMatch(/^\$argon2id\$/);
    expect(second).not.toBe(first);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await argon2Hasher.hash('secret123');
    expect(await argon2Hasher.verify(hash, 'secret123')).toBe(true);
    expect(await argon2Hasher.verify(hash, 'secret124')).toBe(false);
    expect(await argon2Hasher.verify(hash, '')).toBe(false);
  });

  it('answers false, not an error, for a stored value that is no argon2 hash', async () => {
    expect(await argon2Hasher.verify('no-password', 'no-password')).toBe(false);
    expect(await argon2Hasher.verify('', 'x')).toBe(false);
  });
});

describe('tokenCrypto', () => {
  it('makes 256-bit hex tokens that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => tokenCrypto.randomToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('digests with SHA-256 in hex', () => {
    expect(tokenCrypto.sha256('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = tokenCrypto.randomToken();
    expect(tokenCrypto.sha256(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenCrypto.sha256(token)).not.toBe(token);
  });
});

describe('constantTimeEqual', () => {
  it('compares strings of equal and different length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
