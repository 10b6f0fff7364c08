import { en, type MessageKey } from './en';
import { es } from './es';
import { ru } from './ru';

export type { MessageKey };
export const LANGUAGES = ['en', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, es, ru };

/** The supported language closest to a BCP 47 tag (`es-MX` → `es`), English otherwise. */
export function pickLanguage(tag: string | undefined | null): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => {
    const text = dictionary[key] ?? en[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        )
      : text;
  };
}

type PluralBase = 'place.appointments';

/** `{n} appointment(s)` with the language's plural rules (Russian has one / few / many). */
export function plural(t: Translate, language: Language, base: PluralBase, n: number): string {
  const category = new Intl.PluralRules(language).select(n);
  const form = (['one', 'few', 'many'].includes(category) ? category : 'other') as
    'one' | 'few' | 'many' | 'other';
  return t(`${base}.${form}`, { n });
}
