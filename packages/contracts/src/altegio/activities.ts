import Type from 'typebox';
import { CountMeta, Envelope, ObjectEnvelope } from '../envelope';
import { DateTime, Id, Ids as IdList, Int, LocalDate, Text } from '../inputs';

const Ids = IdList(100);

export const ActivityParams = Type.Object({ company_id: Id(), activity_id: Id() });

/** POST /activity and PUT /activity/{id} (a full replacement). */
export const ActivityBody = Type.Object({
  date: DateTime({
    minLength: 1,
    description: 'start: local "YYYY-MM-DD HH:mm:ss" in the location zone, or ISO-8601',
  }),
  service_id: Id(),
  staff_id: Id(),
  capacity: Int(1, 10000),
  length: Type.Optional(
    Type.Union([
      Int(60, 86400, {
        description: 'seconds; default: the team member’s duration of the service',
      }),
      Type.Null(),
    ]),
  ),
  comment: Type.Optional(Text(2000)),
  force: Type.Optional(
    Type.Boolean({ description: 'accepted; an overlap with the team member is always refused' }),
  ),
});

export const ActivityDuplicateBody = Type.Object({
  dates: Type.Array(DateTime({ minLength: 1 }), {
    minItems: 1,
    maxItems: 100,
    description: 'start times of the copies (local "YYYY-MM-DD HH:mm:ss" or ISO-8601)',
  }),
});

export const ActivitySearchQuery = Type.Object({
  from: Type.Optional(
    LocalDate({ description: 'first local date (default: today at the location)' }),
  ),
  till: Type.Optional(
    LocalDate({
      description: 'last local date, included (default: from); before from: an empty list',
    }),
  ),
  service_ids: Type.Optional(Ids),
  'service_ids[]': Type.Optional(Ids),
  staff_ids: Type.Optional(Ids),
  'staff_ids[]': Type.Optional(Ids),
  resource_ids: Type.Optional(Ids),
  page: Type.Optional(Int(1, 100000, { default: 1 })),
  count: Type.Optional(Int(1, 200, { default: 25 })),
});

export const ActivityBookBody = Type.Object({
  fullname: Text(200, { minLength: 1 }),
  phone: Text(30, { minLength: 1 }),
  email: Type.Optional(Text(200)),
  code: Type.Optional(Text(10, { description: 'SMS code' })),
  comment: Type.Optional(Text(2000)),
  notify_by_sms: Type.Optional(Int(0, 720)),
  notify_by_email: Type.Optional(Int(0, 720)),
  type: Type.Optional(Text(50)),
  api_id: Type.Optional(Text(100)),
  clients_count: Type.Optional(Int(1, 100)),
});

export const ActivityObject = Type.Object({
  id: Type.Integer(),
  company_id: Type.Integer(),
  service_id: Type.Integer(),
  staff_id: Type.Integer(),
  date: Type.String({ description: 'local "YYYY-MM-DD HH:mm:ss"' }),
  timestamp: Type.Integer({ description: 'Unix seconds' }),
  length: Type.Integer({ description: 'seconds' }),
  capacity: Type.Integer(),
  records_count: Type.Integer({ description: 'places booked' }),
  color: Type.String(),
  font_color: Type.String(),
  instructions: Type.String(),
  stream_link: Type.String(),
  notified: Type.Boolean(),
  comment: Type.String(),
  prepaid: Type.String({ description: 'always "forbidden": no online prepayment' }),
  service: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    category_id: Type.Integer({ description: '0: no category' }),
    price_min: Type.Number(),
    price_max: Type.Number(),
    comment: Type.String(),
    image_url: Type.String({ description: 'always ""' }),
    salon_service_id: Type.Integer({ description: 'same as id' }),
    prepaid: Type.String({ description: 'always "forbidden"' }),
    category: Type.Object({
      id: Type.Integer(),
      category_id: Type.Integer({ description: 'parent category; always 0 (one level)' }),
      title: Type.String({ description: '"" for a service without a category' }),
    }),
  }),
  staff: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    company_id: Type.Integer(),
    specialization: Type.String(),
    rating: Type.Number(),
    show_rating: Type.Integer({ description: 'always 0' }),
    avatar: Type.String(),
    avatar_big: Type.String({ description: 'same as avatar' }),
    comments_count: Type.Integer({ description: 'always 0' }),
    votes_count: Type.Integer(),
    average_score: Type.Number({ description: 'same as rating' }),
    prepaid: Type.String({ description: 'always "forbidden"' }),
    position: Type.Union([
      Type.Object({ id: Type.Integer(), title: Type.String() }),
      Type.Array(Type.Unknown(), { maxItems: 0, description: 'no position' }),
    ]),
  }),
  resource_instances: Type.Array(Type.Unknown()),
  labels: Type.Array(Type.Unknown()),
  duration_details: Type.Array(Type.Unknown(), { description: 'always []' }),
});

export const ActivityEnvelope = ObjectEnvelope(ActivityObject);
export const ActivityListEnvelope = Envelope(Type.Array(ActivityObject), CountMeta);
export const ActivityBookEnvelope = ObjectEnvelope(
  Type.Object({ id: Type.Integer(), hash: Type.String() }),
);
