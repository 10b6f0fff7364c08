import Type, { type TSchema } from 'typebox';

export const MAX_PAGE = 1000000;

/** The Altegio v2 envelope: `{success, data, meta}`; `meta` is `[]` for single objects. */
export const EmptyMeta = Type.Array(Type.Unknown(), { maxItems: 0 });

export const ListMeta = Type.Object({
  total_count: Type.Integer(),
  page: Type.Optional(Type.Integer()),
});

export const CountMeta = Type.Object({ count: Type.Integer() });

export function Envelope<T extends TSchema, M extends TSchema>(data: T, meta: M) {
  return Type.Object({ success: Type.Literal(true), data, meta });
}

export const ObjectEnvelope = <T extends TSchema>(data: T) => Envelope(data, EmptyMeta);
export const ListEnvelope = <T extends TSchema>(item: T) => Envelope(Type.Array(item), ListMeta);

/** A write acknowledgement without `data`, e.g. `{"success":true,"meta":{"message":"Created"}}`. */
export const MessageAck = Type.Object({
  success: Type.Literal(true),
  meta: Type.Object({ message: Type.String() }),
});

/** `{"success":true,"data":null,"meta":{"message":"Created"}}` (book_check). */
export const CreatedAck = Type.Object({
  success: Type.Literal(true),
  data: Type.Null(),
  meta: Type.Object({ message: Type.String() }),
});

export const ErrorBody = Type.Object(
  {
    success: Type.Literal(false),
    data: Type.Null(),
    meta: Type.Object({
      message: Type.String(),
      errors: Type.Optional(Type.Unknown()),
      conflict: Type.Optional(Type.Boolean()),
      /** Machine-readable extras of a refusal, e.g. `{client_id}` of the client holding a phone. */
      details: Type.Optional(Type.Unknown()),
      /** A stable code for refusals an app must recognise, e.g. `consent_required`. */
      error_code: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
};

/** `page` is bounded so that `(page − 1) × count` stays a sane OFFSET. */
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
};

/**
 * `T | null` for inputs and outputs. Null comes first: with Ajv's type coercion a later null
 * branch would never be reached, because `null` is first coerced to `0` or `''`.
 */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

export const NoContent = Type.Null({ description: 'No content' });
