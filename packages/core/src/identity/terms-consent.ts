import type { UnitOfWork } from '../catalog/ports';
import { invalid } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { AcceptedConsent, AppConsentsRepo } from './ports';
import { CURRENT_TERMS, type ConsentKind } from './types';

export interface ConsentState {
  /** The versions a client must accept before seeing any data. */
  current: Record<ConsentKind, string>;
  accepted: AcceptedConsent[];
  /** True while a current version is not accepted: data endpoints answer 403 `consent_required`. */
  required: boolean;
}

type ConsentDeps = { uow: UnitOfWork<{ appConsents: AppConsentsRepo }>; clock: Clock };

const stateOf = (accepted: AcceptedConsent[]): ConsentState => ({
  current: CURRENT_TERMS,
  accepted,
  required: (Object.keys(CURRENT_TERMS) as ConsentKind[]).some(
    (kind) => !accepted.some((c) => c.kind === kind && c.version === CURRENT_TERMS[kind]),
  ),
});

export async function getConsentState(deps: ConsentDeps, userId: number): Promise<ConsentState> {
  return deps.uow(async (repos) => stateOf(await repos.appConsents.findConsents(userId)));
}

/**
 * Records that the client accepted the user agreement and the data processing terms, with the
 * versions they saw and the time. Only the current versions can be accepted: a client shown an
 * outdated text must see the new one first.
 */
export async function acceptTerms(
  deps: ConsentDeps,
  userId: number,
  input: { userAgreementVersion: string; dataProcessingVersion: string },
): Promise<ConsentState> {
  if (input.userAgreementVersion !== CURRENT_TERMS.user_agreement)
    throw invalid(
      'user_agreement_version',
      `user_agreement_version must be the current version ${CURRENT_TERMS.user_agreement}`,
    );
  if (input.dataProcessingVersion !== CURRENT_TERMS.data_processing)
    throw invalid(
      'data_processing_version',
      `data_processing_version must be the current version ${CURRENT_TERMS.data_processing}`,
    );
  const at = deps.clock.now();
  return deps.uow(async (repos) => {
    await repos.appConsents.recordConsent(
      userId,
      'user_agreement',
      CURRENT_TERMS.user_agreement,
      at,
    );
    await repos.appConsents.recordConsent(
      userId,
      'data_processing',
      CURRENT_TERMS.data_processing,
      at,
    );
    return stateOf(await repos.appConsents.findConsents(userId));
  });
}
