import type { TokenCrypto } from '../auth/tokens';
import { notFound } from '../errors/domain-error';
import type { UnitOfWork } from '../ports';
import type { TermsVersionsRepo } from './ports';
import { CONSENT_KINDS, DEFAULT_TERMS_VERSIONS, type ConsentKind } from './types';

export type TermsTexts = Map<string, { title: string; body: string }>;

export interface TermsTextSource {
  /** The operator's texts of a kind by language (empty: the operator wrote none). */
  operatorTexts(kind: ConsentKind): Promise<TermsTexts>;
  /** The shipped default texts of a kind by language (English always among them). */
  defaultTexts(kind: ConsentKind): TermsTexts;
}

/** One kind of the terms as it is in force now: its version and its text in every language. */
export interface TermsVersion {
  kind: ConsentKind;
  version: string;
  /** `operator`: the operator's own texts; `default`: the texts shipped with Visita. */
  source: 'operator' | 'default';
  texts: TermsTexts;
}

export type TermsDeps = { terms: TermsTextSource; tokens: Pick<TokenCrypto, 'sha256'> };

/**
 * The version of an operator's texts: a digest over every language of the kind (language,
 * title, body, in language order). Any change of any of them is a new version, and every server
 * process reading the same files computes the same one, with nothing to configure.
 */
export function operatorTermsVersion(tokens: Pick<TokenCrypto, 'sha256'>, texts: TermsTexts) {
  const canonical = [...texts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([language, text]) => [language, text.title, text.body]);
  return `op-${tokens.sha256(JSON.stringify(canonical)).slice(0, 12)}`;
}

/**
 * The terms in force: of each kind the operator's texts when they wrote one (versioned by their
 * content), else the shipped ones (versioned by the release, `DEFAULT_TERMS_VERSIONS`).
 */
export async function termsInForce(deps: TermsDeps): Promise<Record<ConsentKind, TermsVersion>> {
  const out = {} as Record<ConsentKind, TermsVersion>;
  for (const kind of CONSENT_KINDS) {
    const operator = await deps.terms.operatorTexts(kind);
    out[kind] =
      operator.size > 0
        ? {
            kind,
            version: operatorTermsVersion(deps.tokens, operator),
            source: 'operator',
            texts: operator,
          }
        : {
            kind,
            version: DEFAULT_TERMS_VERSIONS[kind],
            source: 'default',
            texts: deps.terms.defaultTexts(kind),
          };
  }
  return out;
}

export const versionsOf = (terms: Record<ConsentKind, TermsVersion>) =>
  Object.fromEntries(CONSENT_KINDS.map((kind) => [kind, terms[kind].version])) as Record<
    ConsentKind,
    string
  >;

/** The versions a client must have accepted before seeing any data. */
export async function currentTermsVersions(deps: TermsDeps): Promise<Record<ConsentKind, string>> {
  return versionsOf(await termsInForce(deps));
}

/** Keeps the texts of these versions (the first time a version is seen; a repeat changes nothing). */
export async function keepTermsVersions(
  repos: { termsVersions: TermsVersionsRepo },
  terms: Record<ConsentKind, TermsVersion>,
  at: Date,
): Promise<void> {
  for (const kind of CONSENT_KINDS) {
    const { version, source, texts } = terms[kind];
    await repos.termsVersions.keepTermsVersion(
      {
        kind,
        version,
        source,
        texts: [...texts].map(([language, t]) => ({ language, title: t.title, body: t.body })),
      },
      at,
    );
  }
}

/** An archived version of the terms: what a client who accepted it was shown. */
export async function readTermsVersion(
  deps: { uow: UnitOfWork<{ termsVersions: TermsVersionsRepo }> },
  kind: ConsentKind,
  version: string,
) {
  const kept = await deps.uow((repos) => repos.termsVersions.findTermsVersion(kind, version));
  if (!kept) throw notFound('terms version');
  return kept;
}
