import { AbonementListEnvelope, CertificateListEnvelope } from '@visita/contracts';
import { findClientInstruments, type InstrumentFilter } from '@visita/core';
import type { ServerDeps } from '../../../deps';
import {
  presentAbonementView,
  presentCertificateView,
  presentLoyaltyCard,
} from '../../../presenters/loyalty';
import { ok } from '../../typed';

export type InstrumentKind = 'memberships' | 'certificates' | 'cards';

/** The two instrument lists read by phone (B2B) and by the signed-in user (B2C). */
export const INSTRUMENT_LISTS = [
  {
    kind: 'memberships',
    path: 'abonements',
    what: 'memberships',
    response: AbonementListEnvelope,
  },
  {
    kind: 'certificates',
    path: 'certificates',
    what: 'gift certificates',
    response: CertificateListEnvelope,
  },
] as const;

/** One kind of a client's instruments as the contract lists them: `data` + `meta: {count}`. */
export async function listInstruments(
  deps: ServerDeps,
  filter: InstrumentFilter & { phone: string },
  kind: InstrumentKind,
) {
  const found = await findClientInstruments(deps, filter, { [kind]: true });
  const now = deps.clock.now().getTime();
  const url = deps.config.publicUrl;
  const data =
    kind === 'memberships'
      ? found.memberships.map((v) => presentAbonementView(v, now, url))
      : kind === 'certificates'
        ? found.certificates.map((v) => presentCertificateView(v, now, url))
        : found.cards.map(presentLoyaltyCard);
  return ok(data, { count: data.length });
}
