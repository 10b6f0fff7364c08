import Type from 'typebox';
import { EmptyMeta, Envelope, ListEnvelope, ObjectEnvelope, PageQuery } from '../envelope';
import { DateRange, DateTime, Flag01, Id, IdOrZero, Int, Money, Percent, Text } from '../inputs';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Attendance = Int(-1, 2, { description: '2 confirmed, 1 arrived, 0 waiting, -1 no-show' });
/** `1`/`0` or `true`/`false` in a query string. */
const QueryFlag = Type.Union([Type.Boolean(), Flag01()]);

export const RecordParams = Type.Object({ company_id: Id(), record_id: Id() });

export const VisitParams = Type.Object({ visit_id: Id() });

export const RecordsQuery = Type.Object({
  ...PageQuery,
  staff_id: Type.Optional(Id()),
  client_id: Type.Optional(Id()),
  created_user_id: Type.Optional(Id()),
  ...DateRange('start_date', 'end_date', {
    from: 'appointments starting on or after this local date',
    to: 'appointments starting on or before this local date',
  }),
  ...DateRange('c_start_date', 'c_end_date', {
    from: 'created on or after this local date',
    to: 'created on or before this local date',
  }),
  changed_after: Type.Optional(DateTime()),
  changed_before: Type.Optional(DateTime()),
  with_deleted: Type.Optional(QueryFlag),
  include_consumables: Type.Optional(QueryFlag),
  include_finance_transactions: Type.Optional(QueryFlag),
});

const RecordServiceInput = Type.Object({
  id: Id(),
  first_cost: Type.Optional(Money()),
  discount: Type.Optional(Percent()),
  cost: Type.Optional(Money()),
});

const RecordClientInput = Type.Object({
  phone: Text(30, { minLength: 1 }),
  name: Type.Optional(Text(200)),
  surname: Type.Optional(Text(200)),
  patronymic: Type.Optional(Text(200)),
  email: Type.Optional(Text(200)),
});

/** POST /records and PUT /record (a full replacement: omitted fields take their defaults). */
export const RecordBody = Type.Object({
  staff_id: Type.Optional(Id({ description: 'required unless activity_id' })),
  services: Type.Optional(Type.Array(RecordServiceInput, { maxItems: 20 })),
  client: Type.Optional(Nullable(RecordClientInput)),
  datetime: Type.Optional(DateTime()),
  seance_length: Type.Optional(
    Nullable(
      Int(60, 86400, {
        description: 'seconds; default: the services’ durations for the team member',
      }),
    ),
  ),
  comment: Type.Optional(Text(2000)),
  attendance: Type.Optional(Attendance),
  api_id: Type.Optional(Nullable(Text(100))),
  custom_color: Type.Optional(Text(20)),
  sms_remain_hours: Type.Optional(Int(0, 720)),
  email_remain_hours: Type.Optional(Int(0, 720)),
  activity_id: Type.Optional(IdOrZero({ description: 'a group event to join; 0 = none' })),
  clients_count: Type.Optional(Int(1, 100, { description: 'places taken in a group event' })),
  save_if_busy: Type.Optional(
    Type.Boolean({ description: 'accepted; overlapping appointments are always refused' }),
  ),
  send_sms: Type.Optional(Type.Boolean({ description: 'accepted; not used' })),
});

export const AttendanceBody = Type.Object({ attendance: Attendance });

export const RecordService = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  cost: Type.Number(),
  cost_to_pay: Type.Number(),
  manual_cost: Type.Number(),
  cost_per_unit: Type.Number(),
  discount: Type.Number(),
  first_cost: Type.Number(),
  amount: Type.Integer(),
});

export const RecordObject = Type.Object({
  id: Type.Integer(),
  company_id: Type.Integer(),
  staff_id: Type.Integer(),
  services: Type.Array(RecordService),
  goods_transactions: Type.Array(Type.Unknown()),
  staff: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    specialization: Type.String(),
    position: Type.Union([
      Type.Object({ id: Type.Integer(), title: Type.String() }),
      Type.Array(Type.Unknown(), { maxItems: 0 }),
    ]),
    avatar: Type.String(),
    avatar_big: Type.String(),
    rating: Type.Number(),
    votes_count: Type.Integer(),
  }),
  client: Nullable(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      surname: Type.String(),
      patronymic: Type.String(),
      display_name: Type.String(),
      phone: Type.String({ description: 'E.164 (the docs show digits as a number)' }),
      card: Type.String(),
      email: Type.String(),
      success_visits_count: Type.Integer({ description: 'appointments the client came to' }),
      fail_visits_count: Type.Integer({ description: 'appointments the client missed' }),
      discount: Type.Number({ description: 'percent' }),
      is_new: Type.Boolean({ description: 'never came yet' }),
      custom_fields: Type.Array(Type.Unknown()),
    }),
  ),
  comer: Nullable(Type.Boolean({ description: 'always null' })),
  comer_person_info: Nullable(Type.Object({}, { description: 'always null' })),
  clients_count: Type.Integer(),
  date: Type.String({ description: 'local "YYYY-MM-DD HH:mm:ss"' }),
  datetime: Type.String({ description: 'ISO-8601 with the location offset' }),
  create_date: Type.String(),
  last_change_date: Type.String(),
  comment: Type.String(),
  online: Type.Boolean(),
  visit_attendance: Type.Integer(),
  attendance: Type.Integer(),
  confirmed: Type.Integer(),
  seance_length: Type.Integer(),
  length: Type.Integer(),
  sms_before: Type.Integer(),
  sms_now: Type.Integer({ description: 'always 0' }),
  sms_now_text: Type.String({ description: 'always ""' }),
  email_now: Type.Integer({ description: 'always 0' }),
  notified: Type.Integer({ description: 'always 0' }),
  is_remind_sms_sent: Type.Boolean({ description: 'always false' }),
  sms_remain_hours: Type.Integer(),
  email_remain_hours: Type.Integer(),
  master_request: Type.Integer(),
  api_id: Type.String(),
  from_url: Type.String({ description: 'always ""' }),
  review_requested: Type.Integer({ description: 'always 0' }),
  visit_id: Type.Integer({ description: '0: none' }),
  created_user_id: Type.Integer({ description: '0: not made by a back-office user' }),
  deleted: Type.Boolean(),
  paid_full: Type.Integer(),
  payment_status: Type.Integer({ description: 'always 0: no payments' }),
  prepaid: Type.Boolean(),
  prepaid_confirmed: Type.Boolean(),
  custom_color: Type.String(),
  custom_font_color: Type.String(),
  record_labels: Type.Array(Type.Unknown()),
  activity_id: Type.Integer({ description: '0 when not in a group event' }),
  custom_fields: Type.Array(Type.Unknown()),
  documents: Type.Array(Type.Unknown()),
  record_from: Type.String({ description: 'where it was made: online | back_office | api' }),
  is_mobile: Type.Integer(),
  bookform_id: Type.Integer({ description: 'always 0' }),
  is_sale_bill_printed: Type.Boolean({ description: 'always false' }),
  is_update_blocked: Type.Boolean({ description: 'always false' }),
  short_link: Type.String({ description: 'always ""' }),
  acceptance_free: Nullable(Type.Boolean({ description: 'always null' })),
  technical_break_duration: Type.Integer({ description: 'always 0' }),
  resource_instance_ids: Type.Array(Type.Integer()),
  consumables: Type.Array(Type.Unknown()),
  finance_transactions: Type.Array(Type.Unknown()),
});

export const RecordEnvelope = ObjectEnvelope(RecordObject);
export const RecordListEnvelope = ListEnvelope(RecordObject);
/** POST /records answers a one-element list, as the contract's sample does. */
export const CreatedRecordEnvelope = Envelope(Type.Array(RecordObject), EmptyMeta);

export const AttendanceEnvelope = ObjectEnvelope(
  Type.Object({
    attendance: Type.Integer(),
    records: Type.Array(Type.Unknown(), { maxItems: 0 }),
  }),
);

export const VisitEnvelope = ObjectEnvelope(
  Type.Object({
    id: Type.Integer(),
    attendance: Type.Integer(),
    datetime: Type.String(),
    comment: Type.String(),
    records: Type.Array(RecordObject),
  }),
);
