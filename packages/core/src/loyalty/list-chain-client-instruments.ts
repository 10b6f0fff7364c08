import { notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { findClientInstruments, type ClientInstruments } from './list-client-instruments';
import type { ChainLocation, LoyaltyUow } from './ports';

/**
 * The client card's loyalty at the desk: everything the phone holds in the location's chain,
 * wherever it was bought, with the chain's locations to say where each is valid.
 */
export async function listChainClientInstruments(
  deps: { uow: LoyaltyUow; clock: Clock },
  input: { locationId: number; phone: string },
): Promise<ClientInstruments & { chainLocations: ChainLocation[] }> {
  const { chainId, chainLocations } = await deps.uow(async (r) => {
    const location = await r.chainScope.findLocationChain(input.locationId);
    if (!location) throw notFound('Location');
    return {
      chainId: location.chainId,
      chainLocations: await r.chainScope.findChainLocations(location.chainId),
    };
  });
  return {
    chainLocations,
    ...(await findClientInstruments(deps, { phone: input.phone, chainId })),
  };
}
