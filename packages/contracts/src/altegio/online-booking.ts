import Type from 'typebox';
import { EmptyMeta, Envelope, ObjectEnvelope } from '../envelope';
import {
  CustomFieldsInput,
  DateTime,
  ExternalIdInput,
  Id,
  IdOrZero,
  Int,
  LocalDate,
  DateRange,
  PhoneInput,
  SmsCodeInput,
  Text,
} from '../inputs';

/** `service_ids[]=1&service_ids[]=2` (the widget's spelling) or `service_ids=1`. */
const serviceIdsQuery = {
  'service_ids[]': Type.Optional(Type.Array(Id(), { maxItems: 20 })),
  service_ids: Type.Optional(Type.Array(Id(), { maxItems: 20 })),
};

export const BookStaffParams = Type.Object({
  company_id: Id(),
  staff_id: IdOrZero({ description: '0 = any team member' }),
});

export const BookTimesParams = Type.Object({
  company_id: Id(),
  staff_id: IdOrZero({ description: '0 = any team member' }),
  date: LocalDate(),
});

export const BookServicesQuery = Type.Object({
  staff_id: Type.Optional(IdOrZero()),
  datetime: Type.Optional(DateTime()),
  ...serviceIdsQuery,
});

export const BookStaffQuery = Type.Object({
  datetime: Type.Optional(DateTime()),
  without_seances: Type.Optional(Int(0, 1)),
  ...serviceIdsQuery,
});

export const BookDatesQuery = Type.Object({
  staff_id: Type.Optional(IdOrZero()),
  date: Type.Optional(LocalDate({ description: 'any date of the wanted month' })),
  ...DateRange('date_from', 'date_to'),
  ...serviceIdsQuery,
});

export const ServiceIdsQuery = Type.Object(serviceIdsQuery);

/** The desk's free times; `record_id` names the appointment being moved (its own time is free). */
export const DeskTimesQuery = Type.Object({
  ...serviceIdsQuery,
  record_id: Type.Optional(Id({ description: 'the appointment being moved' })),
});

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
  id: Int(-2147483648, 2147483647, { description: 'client-side id echoed back' }),
  services: Type.Array(Id(), { maxItems: 20 }),
  staff_id: IdOrZero({ description: '0 = any team member' }),
  datetime: DateTime({ minLength: 10 }),
  custom_fields: Type.Optional(CustomFieldsInput()),
});

export const BookCheckBody = Type.Object({
  appointments: Type.Array(RequestedAppointment, { minItems: 1, maxItems: 10 }),
});

export const BookRecordBody = Type.Object({
  phone: PhoneInput(),
  fullname: Text(200),
  email: Type.Optional(Text(200)),
  code: Type.Optional(SmsCodeInput()),
  comment: Type.Optional(Text(2000)),
  type: Type.Optional(Text(50)),
  notify_by_sms: Type.Optional(Int(0, 720)),
  notify_by_email: Type.Optional(Int(0, 720)),
  api_id: Type.Optional(ExternalIdInput()),
  custom_fields: Type.Optional(CustomFieldsInput()),
  appointments: Type.Array(RequestedAppointment, { minItems: 1, maxItems: 10 }),
});

export const BookRecordEnvelope = Envelope(
  Type.Array(
    Type.Object({ id: Type.Integer(), record_id: Type.Integer(), record_hash: Type.String() }),
  ),
  EmptyMeta,
);

export const BookRecordParams = Type.Object({ company_id: Id(), record_id: Id() });

export const BookRecordHashParams = Type.Object({
  company_id: Id(),
  record_id: Id(),
  record_hash: Text(200, { minLength: 1 }),
});

export const RescheduleBody = Type.Object({
  datetime: DateTime({ minLength: 10 }),
  comment: Type.Optional(Text(2000)),
  record_hash: Type.Optional(Text(200, { description: 'needed without a user token' })),
});
