import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';
import { TEXT_PATTERN } from '../inputs';
import { AbonementWire, CertificateWire, LoyaltyCardWire } from '../altegio/loyalty-instruments';

/**
 * Back office client card: a client's memberships, gift cards and loyalty cards across the
 * location's chain, each with the locations where it is valid (`salon_ids`), so the desk sees a
 * card bought at the sister salon. The Altegio lists by phone are per location.
 */
export const AdminClientInstrumentsQuery = Type.Object({
  phone: Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
});

export const AdminClientInstrumentsEnvelope = ObjectEnvelope(
  Type.Object({
    locations: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() }), {
      description: 'the locations of the chain, to name the `salon_ids`',
    }),
    memberships: Type.Array(AbonementWire),
    gift_cards: Type.Array(CertificateWire),
    loyalty_cards: Type.Array(
      Type.Object({
        ...LoyaltyCardWire.properties,
        salon_ids: Type.Array(Type.Integer(), {
          description: 'where the card type is issued and its programs can apply',
        }),
      }),
    ),
  }),
);
