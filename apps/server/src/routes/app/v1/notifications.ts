import {
  AppConfirmEnvelope,
  AppMuteBody,
  AppMuteEnvelope,
  AppNotificationEnvelope,
  AppNotificationListEnvelope,
  AppNotificationParams,
  AppNotificationsQuery,
  AppPlaceParams,
  AppPushSubscriptionBody,
  AppPushSubscriptionEnvelope,
  AppPushUnsubscribeBody,
  AppReadAllBody,
  AppReadAllEnvelope,
  AppUnreadCountEnvelope,
  AppVapidKeyEnvelope,
  errorResponses,
} from '@visita/contracts';
import {
  confirmFromNotification,
  countMyUnreadNotifications,
  getVapidPublicKey,
  listMyNotifications,
  mutePlace,
  readAllMyNotifications,
  readNotification,
  registerPushSubscription,
  removePushSubscription,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { presentNotification } from '../../../presenters/notifications';
import { clientSecurity, listMeta, ok, typed } from '../../typed';

const tags = ['App: notifications'];

/** The inbox, its actions, Web Push devices and per-place mutes (agreed app contract). */
export function appNotificationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const preHandler = needsConsentedAppUser(deps);
  const security = clientSecurity;
  // Plain-http push endpoints only on loopback, and only outside production (test push services).
  const allowHttpLoopback = process.env.NODE_ENV !== 'production';

  t.get(
    '/push/vapid-public-key',
    {
      schema: {
        tags,
        summary: 'The VAPID public key for PushManager.subscribe({applicationServerKey})',
        response: { 200: AppVapidKeyEnvelope, ...errorResponses },
      },
    },
    async () => ok({ public_key: await getVapidPublicKey(deps) }),
  );

  t.post(
    '/push/subscriptions',
    {
      schema: {
        tags,
        summary: "Register this device's push subscription (PushSubscription.toJSON())",
        security,
        body: AppPushSubscriptionBody,
        response: { 201: AppPushSubscriptionEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request, reply) => {
      const { endpoint, keys } = request.body;
      await registerPushSubscription({ ...deps, allowHttpLoopback }, requireAppUser(request), {
        endpoint,
        p256dh: keys.p256dh,
        auth: keys.auth,
      });
      return reply.status(201).send(ok({ endpoint }));
    },
  );

  t.delete(
    '/push/subscriptions',
    {
      schema: {
        tags,
        summary: "Remove this device's push subscription",
        security,
        body: AppPushUnsubscribeBody,
        response: { 200: AppPushSubscriptionEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      await removePushSubscription(deps, requireAppUser(request), request.body.endpoint);
      return ok({ endpoint: request.body.endpoint });
    },
  );

  t.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'The inbox, newest first (optionally one location)',
        security,
        querystring: AppNotificationsQuery,
        response: { 200: AppNotificationListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const page = { page: request.query.page ?? 1, count: request.query.count ?? 50 };
      const filter =
        request.query.location_id !== undefined ? { locationId: request.query.location_id } : {};
      const list = await listMyNotifications(deps, requireAppUser(request), filter, page);
      return ok(list.items.map(presentNotification), listMeta(list.total, page.page));
    },
  );

  t.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'Unread notifications in total and per location (the dots)',
        security,
        response: { 200: AppUnreadCountEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const count = await countMyUnreadNotifications(deps, requireAppUser(request));
      return ok({
        total: count.total,
        by_location: count.byLocation.map((b) => ({ location_id: b.locationId, count: b.count })),
      });
    },
  );

  t.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark every unread notification read (optionally of one location)',
        description:
          "Only the logged-in client's notifications, in one transaction; answers how many were marked and how many are left unread.",
        security,
        body: AppReadAllBody,
        response: { 200: AppReadAllEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const filter =
        request.body.location_id !== undefined ? { locationId: request.body.location_id } : {};
      return ok(await readAllMyNotifications(deps, requireAppUser(request), filter));
    },
  );

  t.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        security,
        params: AppNotificationParams,
        response: { 200: AppNotificationEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) =>
      ok(
        presentNotification(
          await readNotification(deps, requireAppUser(request), request.params.id),
        ),
      ),
  );

  t.post(
    '/notifications/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the appointment of a confirmation request (once)',
        security,
        params: AppNotificationParams,
        response: { 200: AppConfirmEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const result = await confirmFromNotification(
        deps,
        requireAppUser(request),
        request.params.id,
      );
      return ok({
        notification: presentNotification(result.notification),
        confirmed_now: result.confirmedNow,
      });
    },
  );

  t.put(
    '/places/:location_id/mute',
    {
      schema: {
        tags,
        summary: "Mute or unmute a place's push notifications (the inbox keeps them)",
        security,
        params: AppPlaceParams,
        body: AppMuteBody,
        response: { 200: AppMuteEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const r = await mutePlace(
        deps,
        requireAppUser(request),
        request.params.location_id,
        request.body.muted,
      );
      return ok({ location_id: r.locationId, muted: r.muted });
    },
  );
}
