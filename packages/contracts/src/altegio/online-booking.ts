import Type from 'typebox';
import { EmptyMeta, Envelope, ObjectEnvelope } from '../envelope';

/** `service_ids[]=1&service_ids[]=2` (the widget's spelling) or `service_ids=1`. */
const serviceIdsQuery = {
  'service_ids[]': Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
  service_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
};

export const BookStaffParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  staff_id: Type.Integer({ minimum: 0, description: '0 = any team member' }),
});

export const BookTimesParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  staff_id: Type.Integer({ minimum: 0, description: '0 = any team member' }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local date YYYY-MM-DD' }),
});

export const BookServicesQuery = Type.Object({
  staff_id: Type.Optional(Type.Integer({ minimum: 0 })),
  datetime: Type.Optional(Type.String()),
  ...serviceIdsQuery,
});

export const BookStaffQuery = Type.Object({
  datetime: Type.Optional(Type.String()),
  without_seances: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
  ...serviceIdsQuery,
});

export const BookDatesQuery = Type.Object({
  staff_id: Type.Optional(Type.Integer({ minimum: 0 })),
  date: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'any date of the wanted month' }),
  ),
  date_from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  date_to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  ...serviceIdsQuery,
});

export const ServiceIdsQuery = Type.Object(serviceIdsQuery);

export const BookService = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category_id: Type.Integer(),
  price_min: Type.Number(),
  price_max: Type.Number(),
  discount: Type.Number(),
  comment: Type.String(),
  weight: Type.Integer(),
  active: Type.Integer(),
  sex: Type.Integer(),
  image: Type.String(),
  prepaid: Type.String(),
  seance_length: Type.Integer(),
});

export const BookCategory = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  sex: Type.Integer(),
  api_id: Type.String(),
  weight: Type.Integer(),
});

export const BookServicesEnvelope = ObjectEnvelope(
  Type.Object({
    services: Type.Array(BookService),
    category: Type.Array(BookCategory),
    events: Type.Array(Type.Unknown()),
  }),
);

export const Seance = Type.Object({
  time: Type.String(),
  seance_length: Type.Integer(),
  datetime: Type.String(),
});

/** A team member as clients see them: the public card shared by booking and the cabinet. */
export const PublicTeamMemberFields = {
  id: Type.Integer(),
  name: Type.String(),
  specialization: Type.String(),
  /** `{id, title}`, or `[]` when the member has no position (as the contract sends it). */
  position: Type.Union([
    Type.Object({ id: Type.Integer(), title: Type.String() }),
    Type.Array(Type.Unknown(), { maxItems: 0 }),
  ]),
  show_rating: Type.Integer(),
  rating: Type.Number(),
  votes_count: Type.Integer(),
  avatar: Type.String(),
  comments_count: Type.Integer(),
};

export const BookStaffMember = Type.Object({
  ...PublicTeamMemberFields,
  bookable: Type.Boolean(),
  weight: Type.Integer(),
  information: Type.String(),
  seance_date: Type.Union([Type.String(), Type.Null()]),
  seances: Type.Array(Seance),
});

export const BookStaffEnvelope = Envelope(Type.Array(BookStaffMember), EmptyMeta);

export const BookDatesEnvelope = ObjectEnvelope(
  Type.Object({
    booking_days: Type.Record(Type.String(), Type.Array(Type.String())),
    booking_dates: Type.Array(Type.String()),
    working_days: Type.Record(Type.String(), Type.Array(Type.String())),
    working_dates: Type.Array(Type.String()),
  }),
);

export const BookTime = Type.Object({
  time: Type.String(),
  seance_length: Type.Integer(),
  sum_length: Type.Integer(),
  datetime: Type.String(),
});

export const BookTimesEnvelope = Envelope(Type.Array(BookTime), EmptyMeta);

export const BookStaffSeancesEnvelope = ObjectEnvelope(
  Type.Object({
    seance_date: Type.Union([Type.String(), Type.Null()]),
    seances: Type.Array(Seance),
  }),
);

const RequestedAppointment = Type.Object({
  id: Type.Integer({ description: 'client-side id echoed back' }),
  services: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 }),
  staff_id: Type.Integer({ minimum: 0 }),
  datetime: Type.String({
    minLength: 10,
    description: 'ISO-8601, or local "YYYY-MM-DD HH:mm:ss" in the location zone',
  }),
  custom_fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const BookCheckBody = Type.Object({
  appointments: Type.Array(RequestedAppointment, { minItems: 1, maxItems: 10 }),
});

export const BookRecordBody = Type.Object({
  phone: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Integer()]),
  fullname: Type.String({ maxLength: 200 }),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  code: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  type: Type.Optional(Type.String({ maxLength: 50 })),
  notify_by_sms: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
  notify_by_email: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
  api_id: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Integer()])),
  custom_fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  appointments: Type.Array(RequestedAppointment, { minItems: 1, maxItems: 10 }),
});

export const BookRecordEnvelope = Envelope(
  Type.Array(
    Type.Object({ id: Type.Integer(), record_id: Type.Integer(), record_hash: Type.String() }),
  ),
  EmptyMeta,
);

export const BookRecordParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  record_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const BookRecordHashParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  record_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  record_hash: Type.String({ minLength: 1, maxLength: 200 }),
});

export const RescheduleBody = Type.Object({
  datetime: Type.String({ minLength: 10 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  record_hash: Type.Optional(
    Type.String({ maxLength: 200, description: 'needed without a user token' }),
  ),
});
