import Type from 'typebox';
import { Int, TEXT_PATTERN } from '../inputs';
import { CountMeta, Envelope, MAX_PAGE, ObjectEnvelope } from '../envelope';

/** Back office: notification settings per location and bulk pushes (`/api/admin/v1`). */
export const AdminLocationParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const AdminBulkPushParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  bulk_push_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const NotificationTypeSettings = Type.Object({
  type: Type.Integer({ minimum: 1, maximum: 13 }),
  name: Type.String(),
  title: Type.String(),
  enabled: Type.Boolean(),
  template: Type.String(),
  timing: Type.Union([Type.Null(), Type.Integer()]),
  timing_unit: Type.Union([
    Type.Null(),
    Type.String({
      description:
        'hours_before_visit | days_after_visit | hours_after_visit | local_send_hour | days_before_expiry',
    }),
  ]),
  timing_range: Type.Union([Type.Null(), Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 })]),
});

export const NotificationSettingsEnvelope = ObjectEnvelope(
  Type.Object({
    location_id: Type.Integer(),
    brand_name: Type.String(),
    sender: Type.String({ description: 'what notifications show as sender: brand name or Visita' }),
    placeholders: Type.Array(Type.String()),
    types: Type.Array(NotificationTypeSettings),
  }),
);

export const NotificationSettingsPatchBody = Type.Object({
  brand_name: Type.Optional(Type.String({ maxLength: 200, pattern: TEXT_PATTERN })),
  types: Type.Optional(
    Type.Array(
      Type.Object({
        type: Type.Integer({ minimum: 1, maximum: 13 }),
        enabled: Type.Optional(Type.Boolean()),
        template: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
        timing: Type.Optional(
          Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 100000 })]),
        ),
      }),
      { maxItems: 13 },
    ),
  ),
});

const Audience = {
  operation: Type.Optional(Type.Union([Type.Literal('AND'), Type.Literal('OR')])),
  filters: Type.Optional(
    Type.Array(Type.Unknown(), {
      maxItems: 50,
      description:
        'the clients search filters ([{type, state}], POST /company/{id}/clients/search), e.g. has_mobile_app',
    }),
  ),
};

export const BulkPushPreviewBody = Type.Object(Audience);
export const BulkPushPreviewEnvelope = ObjectEnvelope(
  Type.Object({
    matching_clients: Type.Integer(),
    recipients_with_app: Type.Integer({ description: 'who will get the push' }),
  }),
);

export const BulkPushBody = Type.Object({
  ...Audience,
  text: Type.String({ minLength: 1, maxLength: 1000, pattern: TEXT_PATTERN }),
});

export const BulkPushStatus = Type.Object({
  id: Type.Integer(),
  location_id: Type.Integer(),
  text: Type.String(),
  url: Type.String({ description: "what tapping opens: the location's booking page" }),
  matching_clients: Type.Optional(Type.Integer()),
  recipients_with_app: Type.Integer(),
  queued: Type.Integer({ description: 'notifications written so far' }),
  delivered: Type.Integer({ description: 'reached at least one device' }),
  undeliverable: Type.Integer({ description: 'no device reached (no device, muted, or gone)' }),
  done: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
});
export const BulkPushEnvelope = ObjectEnvelope(BulkPushStatus);
/** Paging of the history, Altegio-style: `page` from 1, `count` per page. */
export const BulkPushListQuery = Type.Object({
  page: Type.Optional(Int(1, MAX_PAGE, { default: 1 })),
  count: Type.Optional(Int(1, 200, { default: 50, description: 'pushes per page' })),
});
/** The location's earlier bulk pushes, newest first, one page; `meta.count` is the total. */
export const BulkPushListEnvelope = Envelope(Type.Array(BulkPushStatus), CountMeta);
