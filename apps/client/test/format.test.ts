import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDate,
  formatDay,
  formatMoney,
  formatPeriod,
  formatTime,
  formatWhen,
  monthGrid,
} from '../src/format';
import { LANGUAGES, pickLanguage, plural, translator } from '../src/i18n';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import { ru } from '../src/i18n/ru';

describe('dates and times as the client chose', () => {
  it('writes a local date in each of the four formats', () => {
    expect(formatDate('2026-12-01', 'DD.MM.YYYY')).toBe('01.12.2026');
    expect(formatDate('2026-12-01', 'DD/MM/YYYY')).toBe('01/12/2026');
    expect(formatDate('2026-12-01', 'MM/DD/YYYY')).toBe('12/01/2026');
    expect(formatDate('2026-12-01T10:00:00+01:00', 'YYYY-MM-DD')).toBe('2026-12-01');
  });

  it('writes 24-hour or 12-hour time, never shifted by the device zone', () => {
    expect(formatTime('14:30', { locale: 'en', time24h: true })).toBe('14:30');
    expect(formatTime('14:30', { locale: 'en', time24h: false })).toMatch(/^2:30\s?PM$/);
    expect(formatTime('00:05', { locale: 'ru', time24h: true })).toBe('00:05');
    expect(formatTime('09:00', { locale: 'es', time24h: true })).toBe('09:00');
  });

  it('names the weekday in the app language', () => {
    const prefs = { dateFormat: 'DD.MM.YYYY' as const, time24h: true };
    expect(formatDay('2026-12-01', { ...prefs, locale: 'en' })).toBe('Tue, 01.12.2026');
    expect(formatDay('2026-12-01', { ...prefs, locale: 'es' })).toBe('mar, 01.12.2026');
    expect(formatDay('2026-12-01', { ...prefs, locale: 'ru' })).toBe('вт, 01.12.2026');
    expect(formatWhen('2026-12-01', '18:00', { ...prefs, locale: 'en', time24h: false })).toMatch(
      /^Tue, 01\.12\.2026 · 6:00\s?PM$/,
    );
  });

  it('prices in the location currency and language', () => {
    expect(formatMoney(45, 'EUR', 'en')).toBe('€45');
    expect(formatMoney(45.5, 'EUR', 'es')).toMatch(/^45,50\s€$/);
    expect(formatMoney(10, 'NOPE', 'en')).toBe('10 NOPE');
  });

  it('writes a validity period in the app language with its plural form', () => {
    expect(formatPeriod(3, 'month', 'en')).toBe('3 months');
    expect(formatPeriod(1, 'year', 'en')).toBe('1 year');
    expect(formatPeriod(3, 'month', 'es')).toBe('3 meses');
    expect(formatPeriod(3, 'month', 'ru')).toBe('3 месяца');
    expect(formatPeriod(5, 'week', 'ru')).toBe('5 недель');
  });

  it('lays a month out Monday first, padded to whole weeks', () => {
    const december = monthGrid('2026-12-01');
    // 1 December 2026 is a Tuesday: one empty cell before it.
    expect(december.slice(0, 2)).toEqual([null, '2026-12-01']);
    expect(december.length % 7).toBe(0);
    expect(december.filter(Boolean)).toHaveLength(31);
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });
});

describe('languages', () => {
  it('has every English message in Spanish and Russian, all filled', () => {
    for (const dictionary of [es, ru]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      expect(Object.values(dictionary).filter((text) => !text.trim())).toEqual([]);
    }
  });

  it('keeps the placeholders of each message in every language', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      for (const dictionary of [es, ru])
        expect([key, names(dictionary[key])]).toEqual([key, names(en[key])]);
  });

  it('picks the closest supported language and fills placeholders', () => {
    expect(pickLanguage('es-MX')).toBe('es');
    expect(pickLanguage('ru')).toBe('ru');
    expect(pickLanguage('de-DE')).toBe('en');
    expect(pickLanguage(null)).toBe('en');
    expect(LANGUAGES).toEqual(['en', 'es', 'ru']);
    expect(translator('es')('book.title', { name: 'Lumen' })).toBe('Reservar en Lumen');
    expect(translator('ru')('place.copied', { phone: '+7 1' })).toBe('Номер +7 1 скопирован');
  });
});

describe('plurals', () => {
  it('counts appointments with each language’s plural rules', () => {
    const say = (language: 'en' | 'es' | 'ru', n: number) =>
      plural(translator(language), language, 'place.appointments', n);
    expect([say('en', 1), say('en', 4)]).toEqual(['1 appointment', '4 appointments']);
    expect([say('es', 1), say('es', 2)]).toEqual(['1 cita', '2 citas']);
    expect([say('ru', 1), say('ru', 3), say('ru', 5), say('ru', 21)]).toEqual([
      '1 запись',
      '3 записи',
      '5 записей',
      '21 запись',
    ]);
  });
});
