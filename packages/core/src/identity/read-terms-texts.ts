import type { Clock, UnitOfWork } from '../ports';
import type { TermsVersionsRepo } from './ports';
import { keepTermsVersions, termsInForce, type TermsDeps, type TermsTexts } from './terms-in-force';
import { CONSENT_KINDS, type ConsentKind } from './types';

/** One text of the terms as a client reads it before accepting. */
export interface TermsText {
  kind: ConsentKind;
  /** The version the client accepts by ticking the box (always the one in force). */
  version: string;
  /** The language of this text (the asked one, else English, else the first one there is). */
  language: string;
  title: string;
  /** Plain text: paragraphs separated by a blank line, `## ` lines are headings. */
  body: string;
  /** `operator`: the operator's own text; `default`: the text shipped with Visita. */
  source: 'operator' | 'default';
}

/** `pt-BR` → `pt`; anything odd → `en`. */
const baseLanguage = (language: string | undefined) =>
  (language ?? 'en').toLowerCase().split('-')[0] || 'en';

function pick(
  texts: TermsTexts,
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
 * The versions served are kept with their texts (the first time each is seen).
 */
export async function readTermsTexts(
  deps: TermsDeps & { uow: UnitOfWork<{ termsVersions: TermsVersionsRepo }>; clock: Clock },
  language: string | undefined,
): Promise<Record<ConsentKind, TermsText>> {
  const wanted = baseLanguage(language);
  const terms = await termsInForce(deps);
  await deps.uow((repos) => keepTermsVersions(repos, terms, deps.clock.now()));
  const out = {} as Record<ConsentKind, TermsText>;
  for (const kind of CONSENT_KINDS) {
    const { version, source, texts } = terms[kind];
    const chosen = pick(texts, wanted);
    if (!chosen) throw new Error(`no text for ${kind}`);
    out[kind] = { kind, version, ...chosen, source };
  }
  return out;
}
