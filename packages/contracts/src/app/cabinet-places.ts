import Type from 'typebox';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';
import { LocationPromoObject } from '../admin/promo';
import { Id, Text } from '../inputs';
import { AppAppointment } from './cabinet-appointments';

/** "Places": locations where the client ever had an appointment, with their "About" data. */
export const AppPlaceParams = Type.Object({ location_id: Id() });

export const AppPlace = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  chain_title: Type.String(),
  short_description: Type.String(),
  description: Type.String(),
  country: Type.String(),
  city: Type.String(),
  address: Type.String(),
  zip: Type.String(),
  coordinates: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  timezone: Type.String(),
  phone: Type.String({ description: 'the first phone, what "Call" copies' }),
  phones: Type.Array(Type.String()),
  email: Type.String(),
  site: Type.String(),
  social: Type.Record(Type.String(), Type.String()),
  schedule: Type.String({ description: 'working hours as the location describes them' }),
  logo: Type.String(),
  currency: Type.String(),
  rating: Type.Number({ description: 'average of the location’s reviews, 0 without any' }),
  reviews_count: Type.Integer(),
  is_favourite: Type.Boolean(),
  muted: Type.Boolean({ description: "the client muted this location's notifications" }),
  appointments_count: Type.Integer({ description: 'the client’s appointments here' }),
  promo: Nullable(LocationPromoObject),
});

export const AppPlaceListEnvelope = ListEnvelope(AppPlace);
export const AppPlaceEnvelope = ObjectEnvelope(AppPlace);
export const AppPlaceDetailsEnvelope = ObjectEnvelope(
  Type.Object({
    ...AppPlace.properties,
    upcoming_appointments: Type.Array(AppAppointment),
    past_appointments: Type.Array(AppAppointment, { description: 'the latest 20' }),
  }),
);

export const AppReviewTarget = Type.Union([Type.Literal('staff'), Type.Literal('location')]);

export const AppReview = Type.Object({
  id: Type.Integer(),
  appointment_id: Type.Integer(),
  location_id: Type.Integer(),
  target: AppReviewTarget,
  staff: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  text: Type.String(),
  author_name: Type.String({ description: 'the author’s first name only' }),
  mine: Type.Boolean(),
  created_at: Type.String(),
});
export const AppReviewEnvelope = ObjectEnvelope(AppReview);
export const AppReviewListEnvelope = ListEnvelope(AppReview);

export const AppReviewsQuery = Type.Object({
  target: Type.Optional(AppReviewTarget),
  ...PageQuery,
});

export const AppReviewBody = Type.Object(
  {
    target: AppReviewTarget,
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    text: Type.Optional(Text(2000, { default: '' })),
  },
  { additionalProperties: false },
);
