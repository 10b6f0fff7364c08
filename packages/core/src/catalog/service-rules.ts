import { invalid } from '../errors/domain-error';
import type { ResourcesRepo, ServicesRepo } from './ports';
import type { ServiceStaffLink } from './types';

/** The booking grid is 5 minutes; a duration off the grid could never be laid out. */
export const DURATION_STEP_SECONDS = 300;
/** Altegio's ceiling: 23 h 55 min. */
export const MAX_DURATION_SECONDS = 86_100;

export function checkDuration(seconds: number, field: string): void {
  if (
    !Number.isInteger(seconds) ||
    seconds <= 0 ||
    seconds % DURATION_STEP_SECONDS !== 0 ||
    seconds > MAX_DURATION_SECONDS
  )
    throw invalid(
      field,
      `${field} must be a positive multiple of ${DURATION_STEP_SECONDS} seconds (5 minutes), at most ${MAX_DURATION_SECONDS}`,
    );
}

export function checkMoney(amount: number, field: string): void {
  if (!Number.isFinite(amount) || amount < 0)
    throw invalid(field, `${field} must be a non-negative amount`);
}

export function checkPriceRange(priceMin: number, priceMax: number): void {
  checkMoney(priceMin, 'price_min');
  checkMoney(priceMax, 'price_max');
  if (priceMax < priceMin)
    throw invalid(
      'price_max',
      `price_max (${priceMax}) must not be less than price_min (${priceMin})`,
    );
}

export function checkTitle(title: string | undefined, field = 'title'): void {
  if (title !== undefined && title.trim() === '')
    throw invalid(field, `${field} must not be empty`);
}

/** Per-member links: each member once, a sane duration and price, and working at this location. */
export async function checkStaffLinks(
  services: ServicesRepo,
  locationId: number,
  links: ServiceStaffLink[],
): Promise<void> {
  const seen = new Set<number>();
  links.forEach((link, i) => {
    if (seen.has(link.staffId))
      throw invalid(`staff.${i}.id`, `team member ${link.staffId} is listed twice`);
    seen.add(link.staffId);
    if (link.durationSeconds !== null)
      checkDuration(link.durationSeconds, `staff.${i}.seance_length`);
    if (link.price !== null) checkMoney(link.price, `staff.${i}.price`);
  });
  if (links.length === 0) return;
  const known = new Set(
    await services.findLinkableStaffIds(
      locationId,
      links.map((l) => l.staffId),
    ),
  );
  links.forEach((link, i) => {
    if (!known.has(link.staffId))
      throw invalid(`staff.${i}.id`, `team member ${link.staffId} does not work at this location`);
  });
}

export async function checkCategory(
  services: ServicesRepo,
  locationId: number,
  categoryId: number | null | undefined,
): Promise<void> {
  if (categoryId == null) return;
  const found = await services.findServiceCategories(locationId, [categoryId]);
  if (found.length === 0)
    throw invalid('category_id', `service category ${categoryId} does not exist at this location`);
}

export async function checkResourceIds(
  resources: ResourcesRepo,
  locationId: number,
  ids: number[],
): Promise<void> {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalid(`resources.${i}`, `resource ${id} is listed twice`);
    seen.add(id);
  });
  if (ids.length === 0) return;
  const known = new Set((await resources.findResources(locationId, ids)).map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id))
      throw invalid(`resources.${i}`, `resource ${id} does not exist at this location`);
  });
}
