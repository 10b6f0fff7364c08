import { DomainError, invalid, notFound } from '../errors/domain-error';
import { checkDuration, checkMoney } from './service-rules';
import type { ServiceCatalogDeps } from './service-use-cases';
import type { Service, ServiceStaffLink } from './types';

/** A member's link as the wire shows it: the effective duration, with the service it belongs to. */
export interface ServiceStaffLinkView {
  serviceId: number;
  staffId: number;
  durationSeconds: number;
  price: number | null;
}

function view(service: Service, link: ServiceStaffLink): ServiceStaffLinkView {
  return {
    serviceId: service.id,
    staffId: link.staffId,
    durationSeconds: link.durationSeconds ?? service.durationSeconds,
    price: link.price,
  };
}

function checkLinkFields(link: { durationSeconds: number; price?: number | null }): void {
  checkDuration(link.durationSeconds, 'seance_length');
  if (link.price != null) checkMoney(link.price, 'price');
}

/** Lets one more team member provide a service, with their own duration (and price, if given). */
export async function linkStaffToService(
  deps: ServiceCatalogDeps,
  locationId: number,
  serviceId: number,
  input: { staffId: number; durationSeconds: number; price?: number | null },
): Promise<ServiceStaffLinkView> {
  checkLinkFields(input);
  return deps.uow(async (r) => {
    const [service] = await r.services.findServices(locationId, { ids: [serviceId] });
    if (!service) throw notFound('Service');
    const known = await r.services.findLinkableStaffIds(locationId, [input.staffId]);
    if (known.length === 0)
      throw invalid('staff_id', `team member ${input.staffId} does not work at this location`);
    if (service.staff.some((l) => l.staffId === input.staffId))
      throw new DomainError(
        'conflict',
        `team member ${input.staffId} already provides this service`,
        'staff_id',
      );
    const link = {
      staffId: input.staffId,
      durationSeconds: input.durationSeconds,
      price: input.price ?? null,
    };
    await r.services.setServiceStaffLink(serviceId, link);
    return view(service, link);
  });
}

/** Changes a member's duration (and price when given; `null` clears it back to the service's). */
export async function updateServiceStaffLink(
  deps: ServiceCatalogDeps,
  locationId: number,
  serviceId: number,
  staffId: number,
  patch: { durationSeconds: number; price?: number | null },
): Promise<ServiceStaffLinkView> {
  checkLinkFields(patch);
  return deps.uow(async (r) => {
    const [service] = await r.services.findServices(locationId, { ids: [serviceId] });
    if (!service) throw notFound('Service');
    const current = service.staff.find((l) => l.staffId === staffId);
    if (!current) throw notFound('Team member of this service');
    const link = {
      staffId,
      durationSeconds: patch.durationSeconds,
      price: patch.price === undefined ? current.price : patch.price,
    };
    await r.services.setServiceStaffLink(serviceId, link);
    return view(service, link);
  });
}

export async function unlinkStaffFromService(
  deps: ServiceCatalogDeps,
  locationId: number,
  serviceId: number,
  staffId: number,
): Promise<void> {
  await deps.uow(async (r) => {
    const [service] = await r.services.findServices(locationId, { ids: [serviceId] });
    if (!service) throw notFound('Service');
    if (!service.staff.some((l) => l.staffId === staffId))
      throw notFound('Team member of this service');
    await r.services.deleteServiceStaffLink(serviceId, staffId);
  });
}
