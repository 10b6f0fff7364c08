import {
  AppPlaceDetailsEnvelope,
  AppPlaceEnvelope,
  AppPlaceListEnvelope,
  AppPlaceParams,
  AppReviewListEnvelope,
  AppReviewsQuery,
  errorResponses,
} from '@visita/contracts';
import { getMyPlace, listMyPlaces, listPlaceReviews, setFavouritePlace } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import {
  presentAppAppointment,
  presentPlace,
  presentReview,
} from '../../../presenters/app-cabinet';
import { clientSecurity, listMeta, ok, typed } from '../../typed';

const tags = ['App: places'];

/** Places the client visited, their "About" data and reviews, and the client's favourites. */
export function cabinetPlaceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const preHandler = needsConsentedAppUser(deps);
  const security = clientSecurity;

  t.get(
    '/places',
    {
      schema: {
        tags,
        summary: 'Locations where the client ever had an appointment (favourites first)',
        security,
        response: { 200: AppPlaceListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const places = await listMyPlaces(deps, requireAppUser(request));
      return ok(places.map(presentPlace), listMeta(places.length));
    },
  );

  t.get(
    '/favourites',
    {
      schema: {
        tags,
        summary: "The client's favourite places",
        security,
        response: { 200: AppPlaceListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const places = await listMyPlaces(deps, requireAppUser(request), { favouritesOnly: true });
      return ok(places.map(presentPlace), listMeta(places.length));
    },
  );

  t.get(
    '/places/:location_id',
    {
      schema: {
        tags,
        summary: "A place's About data with the client's appointments there",
        security,
        params: AppPlaceParams,
        response: { 200: AppPlaceDetailsEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const details = await getMyPlace(deps, requireAppUser(request), request.params.location_id);
      return ok({
        ...presentPlace(details.place),
        upcoming_appointments: details.upcoming.map(presentAppAppointment),
        past_appointments: details.past.map(presentAppAppointment),
      });
    },
  );

  for (const [method, favourite] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const)
    t.route({
      method,
      url: '/places/:location_id/favourite',
      schema: {
        tags,
        summary: favourite ? 'Add the place to favourites' : 'Remove the place from favourites',
        security,
        params: AppPlaceParams,
        response: { 200: AppPlaceEnvelope, ...errorResponses },
      },
      preHandler,
      handler: async (request) =>
        ok(
          presentPlace(
            await setFavouritePlace(
              deps,
              requireAppUser(request),
              request.params.location_id,
              favourite,
            ),
          ),
        ),
    });

  t.get(
    '/places/:location_id/reviews',
    {
      schema: {
        tags,
        summary: 'Reviews of the place and of its team members, newest first',
        security,
        params: AppPlaceParams,
        querystring: AppReviewsQuery,
        response: { 200: AppReviewListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const user = requireAppUser(request);
      const page = { page: request.query.page ?? 1, count: request.query.count ?? 50 };
      const { location_id: locationId } = request.params;
      const { place, reviews } = await listPlaceReviews(
        deps,
        user,
        locationId,
        request.query.target ? { target: request.query.target } : {},
        page,
      );
      return ok(
        reviews.items.map((r) => presentReview(r, user, place.location.timezone)),
        listMeta(reviews.total, page.page),
      );
    },
  );
}
