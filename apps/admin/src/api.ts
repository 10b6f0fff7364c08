/**
 * The back office talks to the Visita server over HTTP only: the Altegio-compatible API under
 * `/api/v1` (as `Bearer <partner>, User <user>`, with this session's partner token) and the
 * back office's own API under `/api/admin/v1`.
 */
export interface Tokens {
  partner_token: string;
  user_token: string;
}

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldErrors = {},
    readonly codes: number[] = [],
  ) {
    super(message);
  }
  get forbidden(): boolean {
    return this.status === 403;
  }
}

const STORAGE_KEY = 'visita.admin.session';

export function loadTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function saveTokens(tokens: Tokens | null): void {
  if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  else localStorage.removeItem(STORAGE_KEY);
}

let onUnauthenticated: () => void = () => {};
/** What happens when the server no longer knows the session (expired, revoked): back to sign-in. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

interface ErrorBody {
  success: false;
  meta?: { message?: string; errors?: unknown };
}

function toApiError(status: number, body: ErrorBody | null): ApiError {
  const message = body?.meta?.message ?? `The server answered ${status}.`;
  const errors = body?.meta?.errors;
  if (Array.isArray(errors)) {
    const list = errors as { code?: number; message?: string }[];
    return new ApiError(
      status,
      list.map((e) => e.message).find(Boolean) ?? message,
      {},
      list.map((e) => e.code ?? 0),
    );
  }
  return new ApiError(status, message, (errors as FieldErrors | undefined) ?? {});
}

const MULTIPART = Symbol('multipart');

export interface Envelope<T, M = unknown> {
  data: T;
  meta: M;
}

export async function request<T, M = unknown>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  tokens: Tokens | null = loadTokens(),
): Promise<Envelope<T, M>> {
  const headers: Record<string, string> = { accept: 'application/vnd.api.v2+json' };
  if (tokens) headers.authorization = `Bearer ${tokens.partner_token}, User ${tokens.user_token}`;
  let payload: BodyInit | undefined;
  const part = (
    body as { [MULTIPART]?: { field: string; file: Blob; name: string } } | undefined
  )?.[MULTIPART];
  if (part) {
    const form = new FormData();
    form.append(part.field, part.file, part.name);
    payload = form;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (response.status === 204) return { data: null as T, meta: [] as M };
  const json = (await response.json().catch(() => null)) as
    (Envelope<T, M> & { success: boolean }) | ErrorBody | null;
  if (!response.ok || !json || json.success === false) {
    if (response.status === 401 && tokens && !url.endsWith('/session')) onUnauthenticated();
    throw toApiError(response.status, json as ErrorBody | null);
  }
  return json;
}

export const v1 = {
  get: <T, M = unknown>(path: string) => request<T, M>('GET', `/api/v1${path}`),
  post: <T, M = unknown>(path: string, body: unknown) =>
    request<T, M>('POST', `/api/v1${path}`, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', `/api/v1${path}`, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', `/api/v1${path}`, body),
  del: <T = null>(path: string) => request<T>('DELETE', `/api/v1${path}`),
  /** Operations the seed answers without the envelope (loyalty programs): the body as it is. */
  bare: async <T>(path: string) => (await request<T>('GET', `/api/v1${path}`)) as unknown as T,
};

export const admin = {
  get: <T, M = unknown>(path: string) => request<T, M>('GET', `/api/admin/v1${path}`),
  post: <T>(path: string, body: unknown) => request<T>('POST', `/api/admin/v1${path}`, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', `/api/admin/v1${path}`, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', `/api/admin/v1${path}`, body),
  del: <T>(path: string) => request<T>('DELETE', `/api/admin/v1${path}`),
};

/** A multipart upload (one file field) to `/api/v1`, with the session's tokens. */
export async function upload<T>(path: string, field: string, file: Blob, name: string) {
  return request<T>('PUT', `/api/v1${path}`, { [MULTIPART]: { field, file, name } });
}

/** `?a=1&b[]=2&b[]=3` from an object; arrays use the `name[]` form the API reads. */
export function query(
  params: Record<string, string | number | (string | number)[] | undefined>,
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const v of value)
        parts.push(`${encodeURIComponent(`${key}[]`)}=${encodeURIComponent(v)}`);
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Media URLs the API answers are absolute (its public URL); the back office loads them from
 * the origin it is served from, which is the same server, so its CSP stays `'self'`.
 */
export function mediaPath(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
