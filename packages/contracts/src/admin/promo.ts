import Type from 'typebox';
import { Nullable, ObjectEnvelope } from '../envelope';
import { Text } from '../inputs';

/** The location's promotional block: shown in the client app and on the online booking page. */
export const LocationPromoObject = Type.Object({
  title: Type.String(),
  text: Type.String(),
  link_url: Nullable(Type.String({ description: 'absolute http(s) URL behind "More", or null' })),
});

export const AdminPromoEnvelope = ObjectEnvelope(
  Type.Object({ promo: Nullable(LocationPromoObject) }),
);

export const AdminPromoBody = Type.Object({
  title: Text(100, { minLength: 1, description: 'shown in bold; 1–100 characters' }),
  text: Type.Optional(Text(1000, { description: 'at most 1000 characters' })),
  link_url: Type.Optional(
    Nullable(Text(500, { description: 'an absolute http(s) URL, or null for no link' })),
  ),
});
