import {
  AdminBulkPushParams,
  AdminLocationParams,
  BulkPushBody,
  BulkPushEnvelope,
  BulkPushListEnvelope,
  BulkPushListQuery,
  BulkPushPreviewBody,
  BulkPushPreviewEnvelope,
  errorResponses,
  NotificationSettingsEnvelope,
  NotificationSettingsPatchBody,
} from '@visita/contracts';
import {
  BULK_PUSH_HISTORY,
  getBulkPush,
  listBulkPushes,
  getNotificationSettings,
  previewBulkPush,
  sendBulkPush,
  updateNotificationSettings,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight, requireUser } from '../../../plugins/auth';
import { presentBulkPush, presentNotificationSettings } from '../../../presenters/notifications';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Admin: notifications'];

/**
 * Back office: the 13 notification types per location and bulk pushes from the clients base.
 * The Altegio contract has no client-notification settings (its /notification_settings are the
 * staff's own pushes), so these live in the admin API, with the same user auth and rights.
 */
export function adminNotificationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const security = userSecurity;

  t.get(
    '/locations/:company_id/notification-settings',
    {
      schema: {
        tags,
        summary: 'Every notification type of the location: on/off, template, timing',
        security,
        params: AdminLocationParams,
        response: { 200: NotificationSettingsEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'location:read'),
    },
    async (request) =>
      ok(
        presentNotificationSettings(await getNotificationSettings(deps, request.params.company_id)),
      ),
  );

  t.patch(
    '/locations/:company_id/notification-settings',
    {
      schema: {
        tags,
        summary: 'Change types (on/off, template, timing) and the brand name shown as sender',
        security,
        params: AdminLocationParams,
        body: NotificationSettingsPatchBody,
        response: { 200: NotificationSettingsEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'settings:write'),
    },
    async (request) => {
      const b = request.body;
      const settings = await updateNotificationSettings(deps, request.params.company_id, {
        ...(b.brand_name !== undefined ? { brandName: b.brand_name } : {}),
        ...(b.types !== undefined ? { types: b.types } : {}),
      });
      return ok(presentNotificationSettings(settings));
    },
  );

  t.post(
    '/locations/:company_id/bulk-pushes/preview',
    {
      schema: {
        tags,
        summary: 'How many clients the filters find and how many of them have the app',
        security,
        params: AdminLocationParams,
        body: BulkPushPreviewBody,
        response: { 200: BulkPushPreviewEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const audience = await previewBulkPush(deps, request.params.company_id, request.body);
      return ok({ matching_clients: audience.matching, recipients_with_app: audience.withApp });
    },
  );

  t.post(
    '/locations/:company_id/bulk-pushes',
    {
      schema: {
        tags,
        summary: 'Send a push to the clients the filters find who have the app',
        description:
          'The answer says how many recipients have the app; the fan-out runs as jobs, GET the bulk push for progress. Tapping the message opens the location’s booking page.',
        security,
        params: AdminLocationParams,
        body: BulkPushBody,
        response: { 201: BulkPushEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:write'),
    },
    async (request, reply) => {
      const { bulk, matching } = await sendBulkPush(
        deps,
        request.params.company_id,
        requireUser(request).id,
        request.body,
      );
      return reply.status(201).send(ok(presentBulkPush(bulk, matching)));
    },
  );

  t.get(
    '/locations/:company_id/bulk-pushes',
    {
      schema: {
        tags,
        summary: "The location's earlier bulk pushes, newest first, with their counters",
        description:
          'Paged like the Altegio lists: `page` (from 1) and `count` (per page, default 50); `meta.count` is the total.',
        security,
        params: AdminLocationParams,
        querystring: BulkPushListQuery,
        response: { 200: BulkPushListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const page = {
        page: request.query.page ?? 1,
        count: request.query.count ?? BULK_PUSH_HISTORY,
      };
      const list = await listBulkPushes(deps, request.params.company_id, page);
      return ok(
        list.items.map((b) => presentBulkPush(b)),
        { count: list.total },
      );
    },
  );

  t.get(
    '/locations/:company_id/bulk-pushes/:bulk_push_id',
    {
      schema: {
        tags,
        summary: "A bulk push's progress",
        security,
        params: AdminBulkPushParams,
        response: { 200: BulkPushEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) =>
      ok(
        presentBulkPush(
          await getBulkPush(deps, request.params.company_id, request.params.bulk_push_id),
        ),
      ),
  );
}
