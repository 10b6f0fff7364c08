import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Query parameters whose values are credentials (`?partner_token=` authenticates a partner). */
const SECRET_PARAMS = /([?&](?:partner_token|user_token|token|password)=)[^&#]*/gi;

/** The request URL with credential values masked, safe to write to logs. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[REDACTED]');
}

/**
 * One access-log line per request instead of Fastify's two ("incoming request" and
 * "request completed", which also carry the raw URL with any `?partner_token=`). Fields are
 * picked explicitly, so no header, and so no Authorization value, can reach the log.
 */
export class AccessLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
