import { randomInt } from 'node:crypto';
import type { InstrumentNumbers } from '@visita/core';

/** Unambiguous characters (no 0/O, 1/I/L) for codes read aloud at a desk or typed from a card. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const randomCode = (length: number) =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * Membership and card numbers are 12 random digits; gift card codes 16 characters from a
 * 31-letter alphabet (≈ 79 bits), grouped by four, so a code cannot be guessed.
 */
export const randomInstrumentNumbers: InstrumentNumbers = {
  next(kind) {
    if (kind === 'certificate') return (randomCode(16).match(/.{4}/g) ?? []).join('-');
    return Array.from({ length: 12 }, () => String(randomInt(10))).join('');
  },
};
