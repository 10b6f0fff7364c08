import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { ChangeOrigin } from '../booking/appointment-events';
import { loadLocation } from '../catalog/load-location';
import type { OutboxRepo } from '../booking/ports';
import type { DomainEvent } from '../booking/types';
import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { localDate } from '../time/wire-format';
import { checkClientCard, newClientDraft, type ClientCardInput } from './client-card';
import type { ClientsBaseRepo } from './ports';
import type { ClientProfile } from './types';

export type ClientRepos = {
  locations: LocationsRepo;
  clientsBase: ClientsBaseRepo;
  outbox: OutboxRepo;
};
export type ClientDeps = { uow: UnitOfWork<ClientRepos>; clock: Clock };

const clientEvent = (
  type: 'client.created' | 'client.updated' | 'client.deleted',
  locationId: number,
  clientId: number,
  origin: ChangeOrigin,
): DomainEvent => ({
  locationId,
  type,
  aggregateId: clientId,
  payload: { source: origin.source, userId: origin.userId },
});

/** A duplicate phone names the existing client, so an integration can link to it instead. */
const phoneTaken = (existingId: number | null) =>
  new DomainError(
    'validation_failed',
    'A client with this phone already exists at this location',
    'phone',
    existingId === null ? undefined : { client_id: existingId },
  );

async function checkCategories(r: ClientRepos, locationId: number, ids: number[] | undefined) {
  if (!ids?.length) return;
  const found = new Set((await r.clientsBase.findCategories(locationId, ids)).map((c) => c.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined)
    throw invalid('categories', `category ${missing} is not a client category of this location`);
}

async function reload(deps: ClientDeps, r: ClientRepos, locationId: number, id: number) {
  const client = await r.clientsBase.findClient(locationId, id, deps.clock.now().getTime());
  if (!client) throw notFound('Client');
  return client;
}

/**
 * Adds a client card (POST /clients). The phone identifies the client at the location: a phone
 * a live client already has is a 422 naming `phone` (never a silent merge of two people).
 */
export function createClient(
  deps: ClientDeps,
  locationId: number,
  input: ClientCardInput,
  origin: ChangeOrigin,
): Promise<ClientProfile> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const draft = newClientDraft(input, localDate(deps.clock.now().getTime(), location.timezone));
    await checkCategories(r, locationId, draft.categoryIds);
    const id = await r.clientsBase.insertClient(locationId, draft);
    if (id === null)
      throw phoneTaken(await r.clientsBase.findLiveClientIdByPhone(locationId, draft.phone));
    await r.outbox.addEvent(clientEvent('client.created', locationId, id, origin));
    return reload(deps, r, locationId, id);
  });
}

/** Changes the fields present in `input`; absent ones keep their value (PUT /client). */
export function updateClient(
  deps: ClientDeps,
  locationId: number,
  id: number,
  input: ClientCardInput,
  origin: ChangeOrigin,
): Promise<ClientProfile> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const before = await reload(deps, r, locationId, id);
    const { openingSpent: _ignored, ...patch } = checkClientCard(
      input,
      localDate(deps.clock.now().getTime(), location.timezone),
    );
    await checkCategories(r, locationId, patch.categoryIds);
    // The same phone is no change: `has_app` is only re-derived when the number really changes.
    if (patch.phone === before.phone) delete patch.phone;
    if (patch.phone !== undefined) {
      const holder = await r.clientsBase.findLiveClientIdByPhone(locationId, patch.phone);
      if (holder !== null) throw phoneTaken(holder);
    }
    const outcome = await r.clientsBase.updateClient(locationId, id, patch);
    if (outcome === 'not_found') throw notFound('Client');
    if (outcome === 'phone_taken') throw phoneTaken(null);
    await r.outbox.addEvent(clientEvent('client.updated', locationId, id, origin));
    return reload(deps, r, locationId, id);
  });
}

export async function getClient(
  deps: ClientDeps,
  locationId: number,
  id: number,
): Promise<ClientProfile> {
  return deps.uow((r) => reload(deps, r, locationId, id));
}

/** Soft delete: the card disappears, the appointments keep pointing at it (history stays). */
export function deleteClient(
  deps: ClientDeps,
  locationId: number,
  id: number,
  origin: ChangeOrigin,
): Promise<void> {
  return deps.uow(async (r) => {
    if (!(await r.clientsBase.softDeleteClient(locationId, id))) throw notFound('Client');
    await r.outbox.addEvent(clientEvent('client.deleted', locationId, id, origin));
  });
}
