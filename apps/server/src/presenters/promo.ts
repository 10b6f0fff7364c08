import type { LocationPromo } from '@visita/core';

/** The promotional block as every API shows it (admin, app, the booking page's company). */
export function presentPromo(promo: LocationPromo | null) {
  return promo && { title: promo.title, text: promo.text, link_url: promo.linkUrl };
}
