import Type from 'typebox';
import { TEXT_PATTERN } from '../inputs';
import { ListEnvelope, Nullable, ObjectEnvelope } from '../envelope';

/** The client app's loyalty screens: my memberships, gift cards, loyalty cards; offers; purchases. */
const Id = () => Type.Integer({ minimum: 1, maximum: 2147483647 });

const Issuer = Type.Object({
  chain_id: Type.Integer(),
  title: Type.String({ description: "the chain's name" }),
  logo: Type.String({ description: "the main location's logo" }),
});
const Place = Type.Object({ id: Type.Integer(), title: Type.String() });
const Image = Nullable(Type.Object({ card: Type.String(), thumb: Type.String() }));

export const AppMembership = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  issuer: Issuer,
  image: Image,
  visits_total: Nullable(Type.Integer({ description: 'null: unlimited' })),
  visits_remaining: Nullable(Type.Integer()),
  valid_from: Type.String(),
  valid_until: Type.String(),
  frozen: Type.Boolean({ description: '❄️' }),
  frozen_until: Nullable(Type.String()),
  expiring_soon: Type.Boolean({ description: '🔥 ends within 14 days' }),
  expired: Type.Boolean(),
  freeze_allowed: Type.Boolean(),
  freeze_days_left: Type.Integer(),
  service_ids: Type.Array(
    Type.Integer({ description: 'empty with empty category_ids: every service' }),
  ),
  category_ids: Type.Array(Type.Integer()),
  locations: Type.Array(Place, { description: 'where it can be used for booking' }),
});
export const AppMembershipListEnvelope = ListEnvelope(AppMembership);

export const AppGiftCard = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  issuer: Issuer,
  image: Image,
  face_value: Type.Number(),
  balance: Type.Number(),
  currency: Type.String(),
  multiple_use: Type.Boolean(),
  used: Type.Boolean(),
  applies_to: Type.String({ description: 'services and/or goods, or without restrictions' }),
  item_type_id: Type.Integer(),
  service_ids: Type.Array(Type.Integer()),
  valid_until: Nullable(Type.String()),
  expiring_soon: Type.Boolean(),
  expired: Type.Boolean(),
  locations: Type.Array(Place),
});
export const AppGiftCardListEnvelope = ListEnvelope(AppGiftCard);

export const AppLoyaltyCard = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  issuer: Issuer,
  bonus_balance: Type.Number({ description: 'bonus not expired now' }),
  bonus_expires_at: Nullable(
    Type.String({ description: 'the nearest expiry of bonus held (null: none expires)' }),
  ),
  bonus_expiring_amount: Type.Number({ description: 'how much bonus expires at bonus_expires_at' }),
  discount_percent: Type.Number(),
  discount_expires_at: Nullable(Type.String()),
  visits_count: Type.Integer(),
  promotions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      type: Type.String(),
      value: Type.Number({ description: 'in force for this card now' }),
      value_unit: Type.String(),
    }),
  ),
});
export const AppLoyaltyCardListEnvelope = ListEnvelope(AppLoyaltyCard);

export const AppOffer = Type.Object({
  kind: Type.Union([Type.Literal('membership'), Type.Literal('certificate')]),
  type_id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  price: Type.Number(),
  currency: Type.String(),
  image: Image,
  visits: Nullable(Type.Integer({ description: 'memberships: null = unlimited' })),
  face_value: Nullable(Type.Number({ description: 'gift cards' })),
  validity: Type.String({
    description:
      'in English, e.g. "3 months", "until 2027-12-31", "no expiry"; apps render valid_for',
  }),
  valid_for: Type.Object(
    {
      period: Nullable(
        Type.Object({
          amount: Type.Integer(),
          unit: Type.Union([
            Type.Literal('day'),
            Type.Literal('week'),
            Type.Literal('month'),
            Type.Literal('year'),
          ]),
        }),
      ),
      until: Nullable(Type.String({ description: 'a fixed last day, YYYY-MM-DD' })),
    },
    { description: 'from the sale: a period, a fixed last day, or neither (no expiry)' },
  ),
});
export const AppOfferListEnvelope = ListEnvelope(AppOffer);
export const AppOfferParams = Type.Object({ location_id: Id() });

export const AppPurchaseBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('membership'), Type.Literal('certificate')]),
    type_id: Id(),
    location_id: Id(),
  },
  { additionalProperties: false },
);
export const AppPurchase = Type.Object({
  payment_id: Type.Integer(),
  checkout_url: Type.String(),
  status: Type.String({ description: 'pending | succeeded | declined' }),
  amount: Type.Number(),
  currency: Type.String(),
  title: Type.String(),
  item_id: Nullable(Type.Integer({ description: 'the membership or gift card, once paid' })),
});
export const AppPurchaseEnvelope = ObjectEnvelope(AppPurchase);
export const AppPurchaseParams = Type.Object({ payment_id: Id() });

/** The booking widget's purchase (partner token + the buyer's phone, like book_record). */
export const WidgetPurchaseBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('membership'), Type.Literal('certificate')]),
    type_id: Id(),
    phone: Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
  },
  { additionalProperties: false },
);
