import { DATE_PATTERN, DATE_TIME_PATTERN, TEXT_PATTERN } from '@visita/contracts';
import { DomainError, type DomainErrorCode } from '@visita/core';
import { isDatabaseUnavailable } from '@visita/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The one place where domain error codes become HTTP statuses and Altegio error bodies.
 * Booking codes (431–438) travel as `meta.errors: [{code, message}]` like the contract shows.
 */
const STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 422,
  bad_request: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  slot_taken: 422,
  no_free_staff: 422,
  overlap_in_request: 422,
  service_unavailable: 422,
  bad_phone: 422,
  bad_code: 422,
  blacklisted: 403,
  name_required: 422,
  capacity_exceeded: 422,
  not_allowed: 422,
  rate_limited: 429,
  consent_required: 403,
  sms_failed: 502,
  payment_failed: 502,
};

const BOOKING_CODE: Partial<Record<DomainErrorCode, number>> = {
  bad_phone: 431,
  bad_code: 432,
  slot_taken: 433,
  blacklisted: 434,
  name_required: 435,
  no_free_staff: 436,
  overlap_in_request: 437,
  service_unavailable: 438,
};

export function errorBody(message: string, extra: Record<string, unknown> = {}) {
  return { success: false as const, data: null, meta: { message, ...extra } };
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  const status = STATUS[error.code];
  const bookingCode = BOOKING_CODE[error.code];
  const extra: Record<string, unknown> = {};
  if (bookingCode) extra.errors = [{ code: bookingCode, message: error.message, ...error.details }];
  else if (error.field) extra.errors = { [error.field]: [error.message] };
  if (error.code === 'conflict') extra.conflict = true;
  // The app API names every domain error (the client app says it in the client's language); the
  // Altegio-compatible API keeps its shape (only consent_required is named there).
  if (error.code === 'consent_required' || reply.request.url.startsWith('/api/app/'))
    extra.error_code = error.code;
  const retryAfter = error.details?.retry_after;
  if (error.code === 'rate_limited' && typeof retryAfter === 'number')
    void reply.header('retry-after', String(retryAfter));
  if (!bookingCode && error.details) Object.assign(extra, { details: error.details });
  return reply.status(status).send(errorBody(error.message, extra));
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  params?: { missingProperty?: string; additionalProperty?: string; pattern?: string };
  message?: string;
}

/** The shared input patterns, said in words instead of as a regular expression. */
const PATTERN_MESSAGES: Record<string, string> = {
  [TEXT_PATTERN]: 'must not contain NUL characters',
  [DATE_PATTERN]: 'must be a date YYYY-MM-DD (years 1000-9999)',
  [DATE_TIME_PATTERN]:
    'must be ISO-8601 with an offset or a local "YYYY-MM-DD HH:mm:ss" (years 1000-9999)',
};

function messageOf(error: AjvError): string {
  const pattern = error.keyword === 'pattern' ? error.params?.pattern : undefined;
  return (pattern && PATTERN_MESSAGES[pattern]) ?? error.message ?? 'is invalid';
}

/** `/appointments/0/staff_id` → `appointments.0.staff_id`; a missing property names itself. */
function fieldOf(error: AjvError): string {
  const path = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const leaf = error.params?.missingProperty ?? error.params?.additionalProperty;
  return [path, leaf].filter(Boolean).join('.') || 'request';
}

/**
 * SQLSTATEs that mean PostgreSQL could not take a value of the request. The contract schemas
 * refuse such values first (naming the field); this is the safety net, so a gap in a schema is
 * a 4xx and a warning in the log, never a 500.
 */
const PG_INPUT_ERRORS: Record<string, string> = {
  '22P02': 'a value has the wrong form',
  '22003': 'a number is out of range',
  '22001': 'a text is too long',
  '22021': 'a text contains a character that cannot be stored',
  '22P05': 'a text contains a character that cannot be stored',
  '22007': 'a date or time has the wrong form',
  '22008': 'a date or time is out of range',
  '54001': 'the request is too complex',
};

function pgInputError(error: unknown): { code: string; what: string } | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const what = PG_INPUT_ERRORS[code];
  return what ? { code, what } : null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof DomainError) return sendDomainError(reply, error);
      if (error.validation) {
        const errors: Record<string, string[]> = {};
        for (const v of error.validation as AjvError[]) {
          const field = fieldOf(v);
          (errors[field] ??= []).push(`${field} ${messageOf(v)}`);
        }
        const status = error.validationContext === 'body' ? 422 : 400;
        const first = Object.values(errors)[0]?.[0] ?? 'Invalid request';
        return reply.status(status).send(errorBody(first, { errors }));
      }
      const input = pgInputError(error);
      if (input) {
        request.log.warn(
          { sqlstate: input.code },
          'input refused by the database, not by a schema',
        );
        const status = request.body === undefined || request.body === null ? 400 : 422;
        const message = `Invalid input: ${input.what}`;
        return reply.status(status).send(errorBody(message, { errors: { request: [message] } }));
      }
      if (isDatabaseUnavailable(error)) {
        // The database is away (stopped, restarting): a clear, retryable answer; nothing was
        // written, since every use case is one transaction.
        request.log.warn({ err: error }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', '1')
          .send(errorBody('The service is temporarily unavailable; try again shortly'));
      }
      const status = error.statusCode ?? 500;
      if (status === 415 || status === 400 || status === 413) {
        return reply.status(status).send(errorBody(error.message));
      }
      if (status < 500) return reply.status(status).send(errorBody(error.message));
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send(errorBody('Internal server error'));
    },
  );

  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(errorBody(`No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
