import type { UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import { notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import {
  assembleClientAppointments,
  type CabinetRepos,
  type ClientAppointment,
} from './client-appointment';
import type { ClientPlacesRepo, Place, Review, ReviewsRepo, ReviewTarget } from './ports';

/**
 * Places: only locations where an appointment was ever made for the client's phone are visible;
 * any other location id answers 404, exactly like an unknown one.
 */
type PlacesDeps = { uow: UnitOfWork<{ clientPlaces: ClientPlacesRepo }> };

export function listMyPlaces(
  deps: PlacesDeps,
  user: AppUser,
  filter: { favouritesOnly?: boolean } = {},
): Promise<Place[]> {
  return deps.uow((r) => r.clientPlaces.findClientPlaces(user.id, user.phone, filter));
}

async function visiblePlace(
  repos: { clientPlaces: ClientPlacesRepo },
  user: AppUser,
  locationId: number,
): Promise<Place> {
  const [place] = await repos.clientPlaces.findClientPlaces(user.id, user.phone, { locationId });
  if (!place) throw notFound('Place');
  return place;
}

/** How many of the client's appointments a place page shows per status. */
export const PLACE_APPOINTMENTS_SHOWN = 20;

export interface PlaceDetails {
  place: Place;
  upcoming: ClientAppointment[];
  past: ClientAppointment[];
}

export function getMyPlace(
  deps: { uow: UnitOfWork<CabinetRepos & { clientPlaces: ClientPlacesRepo }>; clock: Clock },
  user: AppUser,
  locationId: number,
): Promise<PlaceDetails> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (repos) => {
    const place = await visiblePlace(repos, user, locationId);
    const page = { page: 1, count: PLACE_APPOINTMENTS_SHOWN };
    const ids = async (status: 'upcoming' | 'past') =>
      (
        await repos.clientAppointments.findClientAppointmentIds(
          user.phone,
          { status, now, locationId },
          page,
        )
      ).items;
    return {
      place,
      upcoming: await assembleClientAppointments(repos, await ids('upcoming'), now),
      past: await assembleClientAppointments(repos, await ids('past'), now),
    };
  });
}

/** Adds or removes the place from the client's favourites (idempotent); returns the place. */
export function setFavouritePlace(
  deps: PlacesDeps,
  user: AppUser,
  locationId: number,
  favourite: boolean,
): Promise<Place> {
  return deps.uow(async (repos) => {
    await visiblePlace(repos, user, locationId);
    await repos.clientPlaces.setFavourite(user.id, locationId, favourite);
    return visiblePlace(repos, user, locationId);
  });
}

/** The reviews a place shows on its "About" page (its own and its team members'). */
export function listPlaceReviews(
  deps: { uow: UnitOfWork<{ clientPlaces: ClientPlacesRepo; reviews: ReviewsRepo }> },
  user: AppUser,
  locationId: number,
  filter: { target?: ReviewTarget },
  page: Page,
): Promise<{ place: Place; reviews: Paged<Review> }> {
  return deps.uow(async (repos) => {
    const place = await visiblePlace(repos, user, locationId);
    return { place, reviews: await repos.reviews.findLocationReviews(locationId, filter, page) };
  });
}
