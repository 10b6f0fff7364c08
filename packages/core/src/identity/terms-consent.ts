import type { UnitOfWork } from '../catalog/ports';
import { invalid } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { AcceptedConsent, AppConsentsRepo, TermsVersionsRepo } from './ports';
import { keepTermsVersions, termsInForce, versionsOf, type TermsDeps } from './terms-in-force';
import { CONSENT_KINDS, type ConsentKind } from './types';

export interface ConsentState {
  /** The versions in force, which a client must accept before seeing any data. */
  current: Record<ConsentKind, string>;
  accepted: AcceptedConsent[];
  /** True while a version in force is not accepted: data endpoints answer 403 `consent_required`. */
  required: boolean;
}

type ConsentDeps = TermsDeps & {
  uow: UnitOfWork<{ appConsents: AppConsentsRepo; termsVersions: TermsVersionsRepo }>;
  clock: Clock;
};

const stateOf = (current: Record<ConsentKind, string>, accepted: AcceptedConsent[]) => ({
  current,
  accepted,
  required: CONSENT_KINDS.some(
    (kind) => !accepted.some((c) => c.kind === kind && c.version === current[kind]),
  ),
});

/** The versions in force (the operator's texts as they are now) and what the client accepted. */
export async function getConsentState(
  deps: Omit<ConsentDeps, 'clock'>,
  userId: number,
): Promise<ConsentState> {
  const current = versionsOf(await termsInForce(deps));
  return deps.uow(async (repos) => stateOf(current, await repos.appConsents.findConsents(userId)));
}

const FIELD: Record<ConsentKind, string> = {
  user_agreement: 'user_agreement_version',
  data_processing: 'data_processing_version',
};

/**
 * Records that the client accepted the user agreement and the data processing terms, with the
 * versions they saw and the time. Only the versions in force can be accepted: a client shown an
 * outdated text must see the new one first. The texts of those versions are kept in the same
 * transaction, so every recorded consent has the text it was given to.
 */
export async function acceptTerms(
  deps: ConsentDeps,
  userId: number,
  input: { userAgreementVersion: string; dataProcessingVersion: string },
): Promise<ConsentState> {
  const terms = await termsInForce(deps);
  const given: Record<ConsentKind, string> = {
    user_agreement: input.userAgreementVersion,
    data_processing: input.dataProcessingVersion,
  };
  for (const kind of CONSENT_KINDS)
    if (given[kind] !== terms[kind].version)
      throw invalid(
        FIELD[kind],
        `${FIELD[kind]} must be the version in force ${terms[kind].version}`,
      );
  const at = deps.clock.now();
  return deps.uow(async (repos) => {
    await keepTermsVersions(repos, terms, at);
    for (const kind of CONSENT_KINDS)
      await repos.appConsents.recordConsent(userId, kind, terms[kind].version, at);
    return stateOf(versionsOf(terms), await repos.appConsents.findConsents(userId));
  });
}
