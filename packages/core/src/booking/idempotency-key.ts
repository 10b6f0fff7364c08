import type { TokenCrypto } from '../auth/tokens';
import { invalid } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { IdempotencyRepo } from './ports';

/** How long a key replays its first answer; after that it is forgotten (and purged). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** JSON with object keys sorted, so the same request always has the same digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Claims an Idempotency-Key for `request` inside the use case's transaction. Returns the stored
 * answer of an earlier request with this key, null when this request is the first. The same key
 * with a different request is refused (422 naming the header), as Stripe does: a client reusing
 * keys by mistake must hear about it rather than receive someone else's booking.
 */
export async function claimIdempotencyKey(
  repo: IdempotencyRepo,
  deps: { clock: Clock; tokens: TokenCrypto },
  scope: string,
  key: string,
  request: unknown,
): Promise<{ response: unknown } | null> {
  const now = deps.clock.now();
  const requestDigest = deps.tokens.sha256(canonicalJson(request));
  const earlier = await repo.claim(scope, key, {
    requestDigest,
    now,
    expiredBefore: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS),
  });
  if (!earlier) return null;
  if (earlier.requestDigest !== null && earlier.requestDigest !== requestDigest)
    throw invalid(
      'Idempotency-Key',
      'This Idempotency-Key was already used for a different request; use a new key',
    );
  return { response: earlier.response };
}
