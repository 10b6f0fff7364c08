import Type from 'typebox';
import { CountMeta, Envelope, ObjectEnvelope } from '../envelope';
import { Id, Int, Text } from '../inputs';

export const ResourceParams = Type.Object({ company_id: Id(), id: Id() });

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
  title: Text(300, { minLength: 1 }),
  description: Type.Optional(Text(5000)),
  instances: Type.Optional(
    Type.Array(Text(300, { minLength: 1 }), {
      minItems: 1,
      maxItems: 100,
      description: 'instance titles; wins over count',
    }),
  ),
  count: Type.Optional(
    Int(1, 100, { description: 'number of instances named "<title> #n" (default 1)' }),
  ),
});

export const ResourceUpdateBody = Type.Object(
  {
    title: Type.Optional(Text(300, { minLength: 1 })),
    description: Type.Optional(Text(5000)),
  },
  { minProperties: 1 },
);
