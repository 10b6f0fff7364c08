import Type from 'typebox';
import { Envelope, EmptyMeta, Nullable } from '../envelope';
import { Id, Text } from '../inputs';
import { PublicTeamMemberFields } from './online-booking';

/** `/user/records/{record_id}/{record_hash}`: one appointment in the client's cabinet (§3 B2C). */
export const UserRecordParams = Type.Object({
  record_id: Id(),
  record_hash: Text(200, {
    description: 'the hash handed out at booking; any value when a User token owns the record',
  }),
});

export const UserRecordObject = Type.Object({
  id: Type.Integer(),
  services: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      cost: Type.Number(),
      price_min: Type.Number(),
      price_max: Type.Number(),
      discount: Type.Number(),
      amount: Type.Integer(),
      seance_length: Type.Integer(),
    }),
  ),
  company: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    country_id: Type.Integer(),
    country: Type.String(),
    city_id: Type.Integer(),
    city: Type.String(),
    phone: Type.String(),
    phones: Type.Array(Type.String()),
    timezone: Type.Number({ description: 'UTC offset in hours at the appointment' }),
    address: Type.String(),
    coordinate_lat: Nullable(Type.Number()),
    coordinate_lon: Nullable(Type.Number()),
    allow_delete_record: Type.Boolean(),
    allow_change_record: Type.Boolean(),
    site: Type.String(),
    currency_short_title: Type.String(),
    allow_change_record_delay_step: Type.Integer({ description: 'seconds' }),
    allow_delete_record_delay_step: Type.Integer({ description: 'seconds' }),
  }),
  staff: Type.Object(PublicTeamMemberFields),
  clients_count: Type.Integer(),
  date: Type.String(),
  datetime: Type.String(),
  create_date: Type.String(),
  comment: Type.String(),
  deleted: Type.Boolean(),
  attendance: Type.Integer(),
  length: Type.Integer(),
  notify_by_sms: Type.Integer(),
  notify_by_email: Type.Integer(),
  master_requested: Type.Boolean(),
  online: Type.Boolean(),
  api_id: Type.String(),
  last_change_date: Type.String(),
  prepaid: Type.Boolean(),
  prepaid_confirmed: Type.Boolean(),
  activity_id: Type.Integer(),
});

/** `GET /book_record/{id}/{rid}/{hash}` and `PUT /book_record`: the same documented object. */
export const OnlineRecordEnvelope = Envelope(UserRecordObject, EmptyMeta);
export const UserRecordListEnvelope = Envelope(Type.Array(UserRecordObject), EmptyMeta);
export const UserRecordDeletedEnvelope = Envelope(Type.Null(), EmptyMeta);
