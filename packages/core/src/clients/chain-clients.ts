import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { DomainError, notFound } from '../errors/domain-error';
import { normalizePhone } from './phone';
import type { ClientsBaseRepo } from './ports';
import type { ChainClient } from './types';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; clientsBase: ClientsBaseRepo }> };

/**
 * The same person across a chain: the live clients with this phone at the chain's locations
 * (GET /group/{id}/clients?phone=). A bad phone is a 400 naming `phone`; an unknown chain or a
 * phone no location knows is 404, as the contract documents.
 */
export function findChainClients(
  deps: Deps,
  chainId: number,
  rawPhone: string,
): Promise<{ phone: string; clients: ChainClient[] }> {
  let phone: string;
  try {
    phone = normalizePhone(rawPhone, undefined, 'phone');
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('bad_request', error.message, 'phone');
    throw error;
  }
  return deps.uow(async (r) => {
    if (!(await r.locations.findChain(chainId))) throw notFound('Chain');
    const clients = await r.clientsBase.findChainClientsByPhone(chainId, phone);
    if (clients.length === 0) throw notFound('Client');
    return { phone, clients };
  });
}
