import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';
import { PhoneInput, SmsCodeInput, Text } from '../inputs';

/** The client app's API (`/api/app/v1`): phone login, the session, consents. */

const Phone = PhoneInput(40, {
  description: 'E.164 (`+4915112345678`) or digits with the country code',
});

export const AppCodeBody = Type.Object({ phone: Phone });

export const AppCodeEnvelope = ObjectEnvelope(
  Type.Object({
    phone: Type.String({ description: 'The number the code was sent to, in E.164' }),
    expires_at: Type.String({ format: 'date-time' }),
    resend_at: Type.String({
      format: 'date-time',
      description: 'When another code may be asked for',
    }),
  }),
);

export const AppTokenBody = Type.Object({
  phone: Phone,
  code: SmsCodeInput(),
  device: Type.Optional(Text(200, { description: 'A name for this device' })),
});

export const AppUserObject = Type.Object({
  id: Type.Integer(),
  phone: Type.String(),
  name: Type.String(),
  email: Type.String(),
  avatar: Type.String(),
  language: Type.String(),
  date_format: Type.String(),
  time_24h: Type.Boolean(),
  notifications_enabled: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
});

export const AppTokenEnvelope = ObjectEnvelope(
  Type.Object({ token: Type.String(), user: AppUserObject }),
);

export const AppMeEnvelope = ObjectEnvelope(
  Type.Object({
    ...AppUserObject.properties,
    consent_required: Type.Boolean({
      description:
        'True until the current terms are accepted (data endpoints answer 403 until then)',
    }),
  }),
);

export const AppLogoutEnvelope = ObjectEnvelope(
  Type.Object({ revoked: Type.Integer({ description: 'How many tokens were revoked' }) }),
);

const ConsentVersions = Type.Object({
  user_agreement: Type.String(),
  data_processing: Type.String(),
});

export const AppConsentsEnvelope = ObjectEnvelope(
  Type.Object({
    current: ConsentVersions,
    accepted: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('user_agreement'), Type.Literal('data_processing')]),
        version: Type.String(),
        accepted_at: Type.String({ format: 'date-time' }),
      }),
    ),
    consent_required: Type.Boolean(),
  }),
);

export const AppConsentsBody = Type.Object({
  user_agreement_version: Text(50, { minLength: 1 }),
  data_processing_version: Text(50, { minLength: 1 }),
});

export const AppTermsQuery = Type.Object({
  language: Type.Optional(
    Text(12, {
      pattern: '^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})?$',
      description: 'The app language (en, es, ru; a region is ignored); default en',
    }),
  ),
});

const TermsText = Type.Object({
  version: Type.String({ description: 'The version `POST /consents` accepts for this text' }),
  language: Type.String({
    description: 'The language of this text: the asked one, else English, else another one',
  }),
  title: Type.String(),
  body: Type.String({
    description: 'Plain text: paragraphs separated by a blank line; `## ` starts a heading',
  }),
  source: Type.Union([Type.Literal('operator'), Type.Literal('default')], {
    description: "operator: the operator's own text; default: the text shipped with Visita",
  }),
});

export const AppTermsEnvelope = ObjectEnvelope(
  Type.Object({ user_agreement: TermsText, data_processing: TermsText }),
);

export const AppTermsVersionParams = Type.Object({
  kind: Type.Union([Type.Literal('user_agreement'), Type.Literal('data_processing')]),
  version: Text(50, { minLength: 1, pattern: '^[A-Za-z0-9._-]+$' }),
});

export const AppTermsVersionEnvelope = ObjectEnvelope(
  Type.Object({
    kind: Type.Union([Type.Literal('user_agreement'), Type.Literal('data_processing')]),
    version: Type.String(),
    source: Type.Union([Type.Literal('operator'), Type.Literal('default')]),
    first_seen_at: Type.String({
      format: 'date-time',
      description: 'When this version was first served or accepted',
    }),
    texts: Type.Array(
      Type.Object({ language: Type.String(), title: Type.String(), body: Type.String() }),
      { description: 'The text of this version in every language it was in force with' },
    ),
  }),
);
