import {
  AppCodeBody,
  AppCodeEnvelope,
  AppConsentsBody,
  AppConsentsEnvelope,
  AppLogoutEnvelope,
  AppMeEnvelope,
  AppTermsEnvelope,
  AppTermsQuery,
  AppTermsVersionEnvelope,
  AppTermsVersionParams,
  AppTokenBody,
  AppTokenEnvelope,
  ErrorBody,
  errorResponses,
} from '@visita/contracts';
import {
  acceptTerms,
  DomainError,
  getConsentState,
  logInWithPhoneCode,
  logOutAppDevice,
  logOutAppUserEverywhere,
  readTermsTexts,
  readTermsVersion,
  requestPhoneCode,
  type ConsentState,
  type TermsText,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsAppUser, requireAppUser } from '../../../plugins/app-auth';
import { presentAppUser } from '../../../presenters/app-user';
import { phoneCodeDeps } from '../../phone-code-deps';
import { clientSecurity, ok, typed } from '../../typed';

const tags = ['App: identity'];

/** The token this request was made with (`Authorization: Bearer <client token>`). */
function presentedToken(request: FastifyRequest): string {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw new DomainError('unauthenticated', 'Authentication needed.');
  return match[1];
}

const presentConsents = (state: ConsentState) => ({
  current: state.current,
  accepted: state.accepted.map((c) => ({
    kind: c.kind,
    version: c.version,
    accepted_at: c.acceptedAt.toISOString(),
  })),
  consent_required: state.required,
});

/** Phone login, the session and the consents of the client app; no location needed. */
export function appIdentityRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const codeDeps = phoneCodeDeps(deps);

  t.post(
    '/auth/code',
    {
      schema: {
        tags,
        summary: 'Send a login code by SMS',
        description:
          'One code per 60 s and at most 5 per hour for a phone, and a per-IP cap: 429 with `Retry-After` beyond. The code is valid 5 minutes; a newer code replaces it.',
        body: AppCodeBody,
        response: { 202: AppCodeEnvelope, ...errorResponses, 502: ErrorBody },
      },
    },
    async (request, reply) => {
      const sent = await requestPhoneCode(codeDeps, { phone: request.body.phone, ip: request.ip });
      return reply.status(202).send(
        ok({
          phone: sent.phone,
          expires_at: sent.expiresAt.toISOString(),
          resend_at: sent.resendAt.toISOString(),
        }),
      );
    },
  );

  t.post(
    '/auth/token',
    {
      schema: {
        tags,
        summary: 'Log in with the phone and the SMS code',
        description:
          'A wrong code is 422 with `meta.errors: [{code: 432}]`; after 5 wrong tries the code is void.',
        body: AppTokenBody,
        response: { 201: AppTokenEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, token } = await logInWithPhoneCode(deps, {
        phone: request.body.phone,
        code: request.body.code,
        device: request.body.device ?? (request.headers['user-agent'] ?? '').slice(0, 200),
      });
      return reply.status(201).send(ok({ token, user: presentAppUser(user) }));
    },
  );

  t.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Log out this device (revokes the token it presented)',
        security: clientSecurity,
        response: { 200: AppLogoutEnvelope, ...errorResponses },
      },
      preHandler: needsAppUser(deps),
    },
    async (request) => ok({ revoked: await logOutAppDevice(deps, presentedToken(request)) }),
  );

  t.post(
    '/auth/logout-all',
    {
      schema: {
        tags,
        summary: 'Log out everywhere (revokes every token of the user)',
        security: clientSecurity,
        response: { 200: AppLogoutEnvelope, ...errorResponses },
      },
      preHandler: needsAppUser(deps),
    },
    async (request) =>
      ok({ revoked: await logOutAppUserEverywhere(deps, requireAppUser(request).id) }),
  );

  t.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The logged-in client',
        security: clientSecurity,
        response: { 200: AppMeEnvelope, ...errorResponses },
      },
      preHandler: needsAppUser(deps),
    },
    async (request) => {
      const user = requireAppUser(request);
      const consents = await getConsentState(deps, user.id);
      return ok({ ...presentAppUser(user), consent_required: consents.required });
    },
  );

  t.get(
    '/consents',
    {
      schema: {
        tags,
        summary: 'The terms in force and what the client accepted',
        description:
          "`current` are the versions in force: the shipped texts' release version, or a digest of the operator's texts of that kind, so an edited file makes `consent_required` true again.",
        security: clientSecurity,
        response: { 200: AppConsentsEnvelope, ...errorResponses },
      },
      preHandler: needsAppUser(deps),
    },
    async (request) => ok(presentConsents(await getConsentState(deps, requireAppUser(request).id))),
  );

  t.get(
    '/terms',
    {
      schema: {
        tags,
        summary: 'The texts of the user agreement and the data processing terms',
        description:
          "Public (readable before login). Each text carries the version `POST /consents` accepts (the version in force; served versions are kept with their texts, see `GET /terms/{kind}/{version}`). The operator's files in `<VISITA_DATA_DIR>/terms/` (`user_agreement.es.md`…) replace the shipped texts of that kind: their language, else their English, else any of theirs.",
        querystring: AppTermsQuery,
        response: { 200: AppTermsEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const texts = await readTermsTexts(deps, request.query.language);
      const present = ({ version, language, title, body, source }: TermsText) => ({
        version,
        language,
        title,
        body,
        source,
      });
      return ok({
        user_agreement: present(texts.user_agreement),
        data_processing: present(texts.data_processing),
      });
    },
  );

  t.get(
    '/terms/:kind/:version',
    {
      schema: {
        tags,
        summary: 'The texts of one version of the terms, as they were served',
        description:
          'Public. Every version served by `GET /terms` or accepted by `POST /consents` is kept with its texts in every language, so what a client accepted can be read back after the operator changed it; 404 for a version never served.',
        params: AppTermsVersionParams,
        response: { 200: AppTermsVersionEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const kept = await readTermsVersion(deps, request.params.kind, request.params.version);
      return ok({
        kind: kept.kind,
        version: kept.version,
        source: kept.source,
        first_seen_at: kept.firstSeenAt.toISOString(),
        texts: kept.texts,
      });
    },
  );

  t.post(
    '/consents',
    {
      schema: {
        tags,
        summary: 'Accept the user agreement and the data processing terms',
        description:
          'Both versions must be the ones in force (see `GET /consents`), else 422 naming the field; the acceptance is recorded with the time, and the texts of those versions are kept.',
        security: clientSecurity,
        body: AppConsentsBody,
        response: { 201: AppConsentsEnvelope, ...errorResponses },
      },
      preHandler: needsAppUser(deps),
    },
    async (request, reply) => {
      const state = await acceptTerms(deps, requireAppUser(request).id, {
        userAgreementVersion: request.body.user_agreement_version,
        dataProcessingVersion: request.body.data_processing_version,
      });
      return reply.status(201).send(ok(presentConsents(state)));
    },
  );
}
