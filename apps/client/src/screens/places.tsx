import { useState } from 'react';
import { app, appPage } from '../api';
import { copy } from '../clipboard';
import { useApp } from '../context';
import { errorText } from '../errors';
import { plural } from '../i18n';
import { Link, navigate } from '../router';
import type { Place, PlaceDetails, Review } from '../types';
import { Empty, Icon, Load, Screen, Stars, initials } from '../ui';
import { useLoad } from '../use-load';
import { AppointmentCard } from './appointment-card';
import { PromoBlock } from './promo';
import { OffersBlock } from './purchases';

/** The heart: adds or removes the place from favourites. */
export function FavouriteButton(props: { place: Place; onChanged: (p: Place) => void }) {
  const { t, toast } = useApp();
  const { place } = props;
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      const method = place.is_favourite ? 'DELETE' : 'PUT';
      props.onChanged(await app<Place>(method, `/places/${place.id}/favourite`));
    } catch (e) {
      toast(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={`icon-button heart ${place.is_favourite ? 'on' : ''}`}
      aria-pressed={place.is_favourite}
      aria-label={t(place.is_favourite ? 'place.favourite_remove' : 'place.favourite_add', {
        name: place.title,
      })}
      disabled={busy}
      onClick={() => void toggle()}
    >
      <Icon name="heart" filled={place.is_favourite} />
    </button>
  );
}

export function PlaceCard(props: {
  place: Place;
  onChanged: (p: Place) => void;
  headingLevel?: 2 | 3;
}) {
  const { t, language } = useApp();
  const p = props.place;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card place">
      <div className="place-head">
        <span className="avatar" aria-hidden="true">
          {p.logo ? <img src={p.logo} alt="" /> : initials(p.title)}
        </span>
        <div className="grow">
          <Heading className="card-title">
            <Link to={`/places/${p.id}`}>{p.title}</Link>
          </Heading>
          <p className="muted">{[p.address, p.city].filter(Boolean).join(', ')}</p>
        </div>
        <FavouriteButton place={p} onChanged={props.onChanged} />
      </div>
      <p className="muted small">
        {p.reviews_count > 0 ? (
          <Stars
            rating={p.rating}
            label={t('place.rating', { rating: p.rating, n: p.reviews_count })}
          />
        ) : null}{' '}
        {plural(t, language, 'place.appointments', p.appointments_count)}
      </p>
    </article>
  );
}

/** Favourites first, then every place the client ever booked at. */
export function PlacesScreen() {
  const { t } = useApp();
  const places = useLoad(() => app<Place[]>('GET', '/places'), 'places');
  const replace = (changed: Place) =>
    places.set((places.data ?? []).map((p) => (p.id === changed.id ? changed : p)));
  return (
    <Screen title={t('places.title')} back="/">
      <Load state={places}>
        {(items) => {
          const favourites = items.filter((p) => p.is_favourite);
          return (
            <>
              <section aria-labelledby="fav-head">
                <h2 id="fav-head" className="subhead">
                  {t('places.favourites')}
                </h2>
                {favourites.length === 0 ? (
                  <Empty>{t('places.no_favourites')}</Empty>
                ) : (
                  <ul className="stack" aria-labelledby="fav-head">
                    {favourites.map((p) => (
                      <li key={p.id}>
                        <PlaceCard place={p} onChanged={replace} headingLevel={3} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="all-head">
                <h2 id="all-head" className="subhead">
                  {t('places.all')}
                </h2>
                {items.length === 0 ? (
                  <Empty>{t('places.none')}</Empty>
                ) : (
                  <ul className="stack" aria-labelledby="all-head">
                    {items.map((p) => (
                      <li key={p.id}>
                        <PlaceCard place={p} onChanged={replace} headingLevel={3} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Load>
    </Screen>
  );
}

/** A place: About data, the client's appointments there, reviews, Book and Call. */
export function PlaceScreen(props: { id: number }) {
  const { t, toast } = useApp();
  const details = useLoad(() => app<PlaceDetails>('GET', `/places/${props.id}`), String(props.id));
  const reviews = useLoad(
    () => appPage<Review[]>(`/places/${props.id}/reviews?count=20`).then((r) => r.data),
    String(props.id),
  );
  const call = async (phone: string) => {
    await copy(phone);
    toast(t('place.copied', { phone }));
  };
  return (
    <Screen
      title={details.data?.title ?? t('places.title')}
      back="/places"
      actions={
        details.data ? (
          <FavouriteButton
            place={details.data}
            onChanged={(p) => details.set({ ...details.data!, ...p })}
          />
        ) : null
      }
    >
      <Load state={details}>
        {(p) => (
          <>
            <div className="place-hero card">
              <span className="avatar large" aria-hidden="true">
                {p.logo ? <img src={p.logo} alt="" /> : initials(p.title)}
              </span>
              <div className="grow">
                {p.chain_title && p.chain_title !== p.title ? (
                  <p className="muted small">{p.chain_title}</p>
                ) : null}
                {p.short_description ? <p>{p.short_description}</p> : null}
                {p.reviews_count > 0 ? (
                  <Stars
                    rating={p.rating}
                    label={t('place.rating', { rating: p.rating, n: p.reviews_count })}
                  />
                ) : null}
              </div>
            </div>
            <PromoBlock promo={p.promo} from={p.title} />
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                onClick={() => navigate(`/book/${p.id}`)}
              >
                {t('place.book')}
              </button>
              {p.phone ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void call(p.phone)}
                >
                  <Icon name="phone" /> {t('place.call')}
                </button>
              ) : null}
            </div>
            <section className="card about" aria-labelledby="about-head">
              <h2 id="about-head">{t('place.about')}</h2>
              {p.description ? <p className="prewrap">{p.description}</p> : null}
              <dl>
                {p.address ? (
                  <>
                    <dt>{t('place.address')}</dt>
                    <dd>{[p.address, p.zip, p.city, p.country].filter(Boolean).join(', ')}</dd>
                  </>
                ) : null}
                {p.schedule ? (
                  <>
                    <dt>{t('place.hours')}</dt>
                    <dd className="prewrap">{p.schedule}</dd>
                  </>
                ) : null}
                {p.site ? (
                  <>
                    <dt>{t('place.site')}</dt>
                    <dd>
                      <a
                        href={p.site.startsWith('http') ? p.site : `https://${p.site}`}
                        rel="noopener noreferrer"
                        target="_blank"
                      >
                        {p.site}
                      </a>
                    </dd>
                  </>
                ) : null}
                {p.phones.length > 0 ? (
                  <>
                    <dt>{t('place.phones')}</dt>
                    <dd>
                      {p.phones.map((phone) => (
                        <a key={phone} href={`tel:${phone}`} className="block">
                          {phone}
                        </a>
                      ))}
                    </dd>
                  </>
                ) : null}
                {Object.keys(p.social).length > 0 ? (
                  <>
                    <dt>{t('place.social')}</dt>
                    <dd>
                      {Object.entries(p.social).map(([name, url]) => (
                        <a
                          key={name}
                          href={url}
                          rel="noopener noreferrer"
                          target="_blank"
                          className="chip"
                        >
                          {name}
                        </a>
                      ))}
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
            <OffersBlock locationId={p.id} />
            <section aria-labelledby="mine-head">
              <h2 id="mine-head" className="subhead">
                {t('place.your_appointments')}
              </h2>
              <ul className="stack">
                {[...p.upcoming_appointments, ...p.past_appointments].map((a) => (
                  <li key={a.id}>
                    <AppointmentCard appointment={a} onChanged={() => details.reload()} />
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="reviews-head">
              <h2 id="reviews-head" className="subhead">
                {t('place.reviews')}
              </h2>
              <Load state={reviews}>
                {(items) =>
                  items.length === 0 ? (
                    <Empty>{t('place.no_reviews')}</Empty>
                  ) : (
                    <ul className="stack">
                      {items.map((r) => (
                        <li key={r.id} className="card review">
                          <Stars rating={r.rating} label={t('review.stars', { n: r.rating })} />
                          <p className="small muted">
                            {r.author_name || '—'}
                            {r.staff ? ` · ${r.staff.name}` : ''}
                          </p>
                          {r.text ? <p>{r.text}</p> : null}
                        </li>
                      ))}
                    </ul>
                  )
                }
              </Load>
            </section>
          </>
        )}
      </Load>
    </Screen>
  );
}
