import Type from 'typebox';
import { CountMeta, Envelope, ObjectEnvelope } from '../envelope';

export const ResourceParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const ResourceInstanceObject = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  resource_id: Type.Integer(),
});

/** A resource type (e.g. "Massage room") and its physical instances, each booked once at a time. */
export const ResourceObject = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  instances: Type.Array(ResourceInstanceObject),
});
export const ResourceEnvelope = ObjectEnvelope(ResourceObject);
/** YCLIENTS answers the resource list with `meta: {count}`. */
export const ResourceListEnvelope = Envelope(Type.Array(ResourceObject), CountMeta);

export const ResourceCreateBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  instances: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      minItems: 1,
      maxItems: 100,
      description: 'instance titles; wins over count',
    }),
  ),
  count: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'number of instances named "<title> #n" (default 1)',
    }),
  ),
});

export const ResourceUpdateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { minProperties: 1 },
);
