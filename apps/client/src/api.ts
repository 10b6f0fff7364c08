/**
 * The server's HTTP API as the app uses it: the client app API (`/api/app/v1`, client token)
 * and the public online booking API (`/api/v1/book_*`, the widget's partner token). Every answer
 * is the `{success, data, meta}` envelope; failures become an ApiError with the field messages.
 */
const APP = '/api/app/v1';
const PUBLIC = '/api/v1';
const TOKEN_KEY = 'visita.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string[]> = {},
    readonly codes: number[] = [],
    readonly errorCode: string | null = null,
    /** `meta.details` of a refusal (e.g. `{action: 'cancel', reason: 'too_late'}`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** The partner token of the public booking widget, put in the page by the server. */
function widgetToken(): string {
  return (
    document.querySelector<HTMLMetaElement>('meta[name="visita-partner-token"]')?.content ?? ''
  );
}

interface Envelope<T> {
  success: boolean;
  data: T;
  meta: {
    message?: string;
    error_code?: string;
    details?: Record<string, unknown>;
    errors?: Record<string, string[]> | { code: number; message?: string }[];
  } & Record<string, unknown>;
}

async function parse<T>(response: Response): Promise<{ data: T; meta: Envelope<T>['meta'] }> {
  const body = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (response.ok && body) return { data: body.data, meta: body.meta };
  const errors = body?.meta?.errors;
  const fields = errors && !Array.isArray(errors) ? errors : {};
  const codes = Array.isArray(errors) ? errors.map((e) => e.code) : [];
  const firstField = Object.values(fields)[0]?.[0];
  const message =
    body?.meta?.message ||
    (Array.isArray(errors) ? errors[0]?.message : undefined) ||
    firstField ||
    response.statusText;
  throw new ApiError(
    response.status,
    message,
    fields,
    codes,
    body?.meta?.error_code ?? null,
    body?.meta?.details ?? {},
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(
  url: string,
  auth: string | null,
  method: Method,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ data: T; meta: Envelope<T>['meta'] }> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
  if (auth) (init.headers as Record<string, string>).authorization = auth;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 401 && url.startsWith(APP)) window.dispatchEvent(new Event('visita:401'));
  if (response.status === 204) return { data: null as T, meta: {} };
  return parse<T>(response);
}

/** The client app API with the logged-in client's token. */
export function app<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const token = session.token();
  return request<T>(`${APP}${path}`, token ? `Bearer ${token}` : null, method, body, headers).then(
    (r) => r.data,
  );
}

/** Same, keeping `meta` (paged lists). */
export function appPage<T>(path: string): Promise<{ data: T; meta: Record<string, unknown> }> {
  const token = session.token();
  return request<T>(`${APP}${path}`, token ? `Bearer ${token}` : null, 'GET');
}

/** The public online booking API with the widget's partner token. */
export function booking<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return request<T>(`${PUBLIC}${path}`, `Bearer ${widgetToken()}`, method, body, headers).then(
    (r) => r.data,
  );
}

/** `service_ids[]=1&service_ids[]=2` as the booking API reads arrays. */
export const serviceQuery = (ids: number[]) => ids.map((id) => `service_ids[]=${id}`).join('&');
