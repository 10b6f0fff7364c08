import { CURRENT_TERMS, type ConsentKind } from './types';

/** One text of the terms as a client reads it before accepting. */
export interface TermsText {
  kind: ConsentKind;
  /** The version the client accepts by ticking the box (always the current one). */
  version: string;
  /** The language of this text (the asked one, else English, else the first one there is). */
  language: string;
  title: string;
  /** Plain text: paragraphs separated by a blank line, `## ` lines are headings. */
  body: string;
  /** `operator`: the operator's own text; `default`: the text shipped with Visita. */
  source: 'operator' | 'default';
}

export interface TermsTextSource {
  /** The operator's texts of a kind by language (empty: the operator wrote none). */
  operatorTexts(kind: ConsentKind): Promise<Map<string, { title: string; body: string }>>;
  /** The shipped default texts of a kind by language (English always among them). */
  defaultTexts(kind: ConsentKind): Map<string, { title: string; body: string }>;
}

const KINDS = Object.keys(CURRENT_TERMS) as ConsentKind[];

/** `pt-BR` → `pt`; anything odd → `en`. */
const baseLanguage = (language: string | undefined) =>
  (language ?? 'en').toLowerCase().split('-')[0] || 'en';

function pick(
  texts: Map<string, { title: string; body: string }>,
  language: string,
): { language: string; title: string; body: string } | null {
  for (const candidate of [language, 'en', ...texts.keys()]) {
    const text = texts.get(candidate);
    if (text) return { language: candidate, ...text };
  }
  return null;
}

/**
 * The user agreement and the data processing terms in the client's language, with the version a
 * consent records. When the operator wrote a text of a kind, only the operator's texts of that
 * kind are shown (their language, else their English, else any of theirs): a shipped default in
 * another language would be a different agreement. Without one, the shipped default is shown.
 */
export async function readTermsTexts(
  deps: { terms: TermsTextSource },
  language: string | undefined,
): Promise<Record<ConsentKind, TermsText>> {
  const wanted = baseLanguage(language);
  const out = {} as Record<ConsentKind, TermsText>;
  for (const kind of KINDS) {
    const operator = pick(await deps.terms.operatorTexts(kind), wanted);
    const chosen = operator ?? pick(deps.terms.defaultTexts(kind), wanted);
    if (!chosen) throw new Error(`no default text for ${kind}`);
    out[kind] = {
      kind,
      version: CURRENT_TERMS[kind],
      ...chosen,
      source: operator ? 'operator' : 'default',
    };
  }
  return out;
}
