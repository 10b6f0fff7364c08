import Type from 'typebox';
import { Envelope, ListEnvelope, MAX_PAGE, Nullable, ObjectEnvelope, PageQuery } from '../envelope';
import {
  CustomFieldsInput,
  DateTime,
  Flag01,
  Id as IdOf,
  Int,
  LocalDate,
  Money,
  MONEY_MAX,
  Num,
  Percent,
  Text,
} from '../inputs';

/** Clients base (contract §3.f). Field names exactly as the contract spells them. */

/** Ids are int4 in the database: larger ones are a 400, not a failed lookup. */
const Id = () => IdOf();

export const ClientParams = Type.Object({ company_id: Id(), client_id: Id() });

export const ChainParams = Type.Object({ group_id: Id() });

/** `1`/`0` or `true`/`false`. */
const Flag = Type.Union([Type.Boolean(), Flag01()]);
const Ids = Type.Array(Id(), { maxItems: 100 });
const CustomFieldValue = Type.Union([Type.Null(), Type.String(), Type.Number(), Type.Boolean()]);
const CustomFields = Type.Record(Type.String({ maxLength: 64 }), CustomFieldValue, {
  description: '{"api-key": value}',
});

const clientFields = {
  surname: Type.Optional(Text(200)),
  patronymic: Type.Optional(Text(200)),
  email: Type.Optional(Text(200)),
  sex_id: Type.Optional(Int(0, 2, { description: '0 unknown, 1 male, 2 female' })),
  importance_id: Type.Optional(Int(0, 3, { description: '0 none, 1 bronze, 2 silver, 3 gold' })),
  discount: Type.Optional(Percent()),
  card: Type.Optional(Text(100)),
  birth_date: Type.Optional(
    Nullable(
      Type.Union([LocalDate(), Type.Literal('')], {
        description: 'YYYY-MM-DD; empty or null clears it',
      }),
    ),
  ),
  comment: Type.Optional(Text(5000)),
  balance: Type.Optional(Num(-MONEY_MAX, MONEY_MAX)),
  sms_check: Type.Optional(Flag),
  sms_not: Type.Optional(Flag),
  custom_fields: Type.Optional(
    // PHP clients send an empty object as `[]`.
    Type.Union([
      CustomFieldsInput({ description: '{"api-key": value}' }),
      Type.Array(Type.Unknown(), { maxItems: 0 }),
    ]),
  ),
};

const required = {
  name: Text(200, { minLength: 1 }),
  phone: Text(30, {
    minLength: 1,
    description: '`+13155550175`, `79161234567`; stored in E.164',
  }),
};

/** POST /clients/{company_id}. */
export const ClientCreateBody = Type.Object({
  ...required,
  ...clientFields,
  spent: Type.Optional(
    Money({ description: 'spent before the client was entered here; appointments add to it' }),
  ),
  categories: Type.Optional(Ids),
});

/** PUT /client/{company_id}/{id}: absent optional fields keep their value. */
export const ClientUpdateBody = Type.Object({
  ...required,
  ...clientFields,
  spent: Type.Optional(Money({ description: 'accepted and ignored (derived)' })),
  labels: Type.Optional(Ids),
  categories: Type.Optional(Ids),
});

export const CLIENT_SEARCH_FIELDS = [
  'id',
  'name',
  'surname',
  'patronymic',
  'phone',
  'email',
  'categories',
  'sex',
  'sex_id',
  'discount',
  'importance_id',
  'importance',
  'card',
  'birth_date',
  'comment',
  'sms_check',
  'sms_not',
  'spent',
  'balance',
  'visits',
  'last_change_date',
  'custom_fields',
  'has_app',
  'first_visit_date',
  'last_visit_date',
  'sold_amount',
  'visits_count',
] as const;

/** A union of string literals that keeps its static type (`'ASC' | 'DESC'`). */
const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

export const ClientSearchBody = Type.Object({
  page: Type.Optional(Int(1, MAX_PAGE, { default: 1 })),
  page_size: Type.Optional(Int(1, 200, { default: 25 })),
  fields: Type.Optional(
    Type.Array(literals(CLIENT_SEARCH_FIELDS), {
      maxItems: 50,
      description: 'answer only these fields (default: all)',
    }),
  ),
  order_by: Type.Optional(
    literals([
      'id',
      'name',
      'phone',
      'email',
      'discount',
      'first_visit_date',
      'last_visit_date',
      'sold_amount',
      'visits_count',
    ]),
  ),
  order_by_direction: Type.Optional(literals(['ASC', 'DESC', 'asc', 'desc'])),
  operation: Type.Optional(literals(['AND', 'OR', 'and', 'or'])),
  filters: Type.Optional(
    Type.Array(Type.Unknown(), {
      maxItems: 50,
      description:
        '[{type, state}]; types: id {value:[ids]}, quick_search {value}, has_mobile_app {value:bool}, ' +
        'sold_amount {from,to}, importance {value:[0-3]}, gender {value:[0-2]}, category {value:[ids]}, ' +
        'birthday {from,to} (month and day), record {staff,service,service_category,status:{value:[]}, ' +
        'created,start:{from,to} dates, records_count,sold_amount:{from,to}}, client {id:{value}, birthday}. ' +
        'A malformed or unsupported filter is 400 with meta.errors.filters.',
    }),
  ),
});

const IdList = Type.Array(Id(), { maxItems: 500 });

/** GET /clients/{company_id} (deprecated). */
export const ClientsQuery = Type.Object({
  ...PageQuery,
  fullname: Type.Optional(Text(200)),
  phone: Type.Optional(Text(30)),
  email: Type.Optional(Text(200)),
  card: Type.Optional(Text(100)),
  paid_min: Type.Optional(Money()),
  paid_max: Type.Optional(Money()),
  id: Type.Optional(IdList),
  'id[]': Type.Optional(IdList),
  changed_after: Type.Optional(DateTime()),
  changed_before: Type.Optional(DateTime()),
});

export const ClientVisitsQuery = Type.Object({
  page: Type.Optional(Int(1, MAX_PAGE, { default: 1 })),
  count: Type.Optional(Int(1, 200, { default: 25 })),
  status: Type.Optional(literals(['all', 'past', 'upcoming', 'canceled'])),
});

export const ChainClientsQuery = Type.Object({
  phone: Text(30, { minLength: 1 }),
});

const ClientCategoryRef = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  color: Type.String(),
});

const clientObjectFields = {
  id: Type.Integer(),
  name: Type.String(),
  surname: Type.String(),
  patronymic: Type.String(),
  phone: Type.String({ description: 'E.164' }),
  email: Type.String(),
  categories: Type.Array(ClientCategoryRef),
  sex: Type.String(),
  sex_id: Type.Integer(),
  discount: Type.Number(),
  importance_id: Type.Integer(),
  importance: Type.String(),
  card: Type.String(),
  birth_date: Type.String({ description: 'YYYY-MM-DD, or "" when unknown' }),
  comment: Type.String(),
  sms_check: Type.Integer(),
  sms_not: Type.Integer(),
  spent: Type.Number(),
  balance: Type.Number(),
  visits: Type.Integer(),
  last_change_date: Type.String(),
  custom_fields: CustomFields,
  has_app: Type.Boolean({ description: 'the phone uses the Visita client app' }),
};

export const ClientObject = Type.Object(clientObjectFields);

/** A search hit: the requested `fields` only (all of them by default). */
export const ClientSearchItem = Type.Partial(
  Type.Object({
    ...clientObjectFields,
    first_visit_date: Nullable(Type.String()),
    last_visit_date: Nullable(Type.String()),
    sold_amount: Type.Number(),
    visits_count: Type.Integer(),
  }),
);

export const ClientEnvelope = ObjectEnvelope(ClientObject);
export const ClientListEnvelope = ListEnvelope(ClientObject);
export const ClientSearchEnvelope = Envelope(
  Type.Array(ClientSearchItem),
  Type.Object({ total_count: Type.Integer() }),
);

export const ChainClientsEnvelope = ObjectEnvelope(
  Type.Object({
    salon_group_id: Type.Integer(),
    phone: Type.String(),
    clients: Type.Array(
      Type.Object({
        id: Type.Integer(),
        company_id: Type.Integer(),
        name: Type.String(),
        email: Type.String(),
      }),
    ),
  }),
);

export const ClientCategoryBody = Type.Object({
  title: Text(100, { minLength: 1 }),
  color: Type.Optional(Text(7, { description: '#RRGGBB' })),
});

export const ClientCategoryObject = Type.Object({
  id: Type.Integer(),
  salon_id: Type.Integer(),
  title: Type.String(),
  color: Type.String(),
  icon: Type.String(),
  entity: Type.Integer({ description: '1 = client category' }),
  deleted: Type.Integer(),
  not_editable: Type.Integer(),
});

export const ClientCategoryEnvelope = ObjectEnvelope(ClientCategoryObject);
export const ClientCategoryListEnvelope = ListEnvelope(ClientCategoryObject);
