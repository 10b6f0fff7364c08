import { useApp } from '../context';
import type { Promo } from '../types';

/** Only web links open from a promotional block (never `javascript:` or the like). */
const webLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * A location's promotional block (set in the back office): on home for the client's places,
 * on the place page and on the public booking page.
 */
export function PromoBlock(props: { promo: Promo | null | undefined; from: string }) {
  const { t } = useApp();
  const promo = props.promo;
  if (!promo) return null;
  const link = webLink(promo.link_url);
  return (
    <aside className="card promo" aria-label={t('promo.label', { name: props.from })}>
      <p className="muted small">{props.from}</p>
      <h2 className="card-title">{promo.title}</h2>
      {promo.text ? <p className="prewrap">{promo.text}</p> : null}
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {t('promo.more')}
        </a>
      ) : null}
    </aside>
  );
}
