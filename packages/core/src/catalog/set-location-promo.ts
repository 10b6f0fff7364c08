import { invalid } from '../errors/domain-error';
import { loadLocation } from './load-location';
import type { LocationsRepo, UnitOfWork } from './ports';
import type { LocationPromo } from './types';

export const PROMO_TITLE_MAX = 100;
export const PROMO_TEXT_MAX = 1000;
export const PROMO_LINK_MAX = 500;

export interface LocationPromoInput {
  title: string;
  text?: string;
  linkUrl?: string | null;
}

/** Trims and checks a promotional block; the field names are the API's. */
export function checkedPromo(input: LocationPromoInput): LocationPromo {
  const title = input.title.trim();
  if (!title) throw invalid('title', 'title is required');
  if (title.length > PROMO_TITLE_MAX)
    throw invalid('title', `title is at most ${PROMO_TITLE_MAX} characters`);
  const text = (input.text ?? '').trim();
  if (text.length > PROMO_TEXT_MAX)
    throw invalid('text', `text is at most ${PROMO_TEXT_MAX} characters`);
  const link = input.linkUrl?.trim() || null;
  if (link !== null) {
    if (link.length > PROMO_LINK_MAX)
      throw invalid('link_url', `link_url is at most ${PROMO_LINK_MAX} characters`);
    // Only web links: the block is shown to the public, a javascript: or data: URL would be a trap.
    let url: URL | null = null;
    try {
      url = new URL(link);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw invalid('link_url', 'link_url must be an absolute http(s) URL');
  }
  return { title, text, linkUrl: link };
}

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo }> };

/** Sets the location's promotional block, or removes it with `null`. */
export function setLocationPromo(
  deps: Deps,
  locationId: number,
  input: LocationPromoInput | null,
): Promise<LocationPromo | null> {
  const promo = input === null ? null : checkedPromo(input);
  return deps.uow(async (r) => {
    await loadLocation(r, locationId);
    const saved = await r.locations.saveLocationPromo(locationId, promo);
    return saved?.promo ?? null;
  });
}
