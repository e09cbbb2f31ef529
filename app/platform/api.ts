// The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF
// token on unsafe methods, the UI language in Accept-Language (problem titles come back in it)
// and every error turned into an ApiError that carries the problem+json body.

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
  /** choose-tenant: the organisations to choose from. */
  tenants?: { slug: string; name: string }[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly tenants: { slug: string; name: string }[];
  constructor(status: number, body: ProblemBody) {
    super(body.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network' : 'internal');
    this.title = body.title ?? '';
    this.detail = body.detail;
    this.errors = body.errors ?? [];
    this.tenants = body.tenants ?? [];
  }
}

let csrfToken: string | null = null;
let language = 'sv';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLanguage(lng: string) {
  language = lng;
}

/** Called when a request made while signed in answers 401 (the session ended). */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  /** A raw body (a file) with its content type instead of JSON. */
  raw?: { body: Blob; contentType: string };
  signal?: AbortSignal;
  /** Do not treat 401 as "the session ended" (sign-in itself, the session probe). */
  quiet401?: boolean;
  /** Further headers (an Idempotency-Key). */
  headers?: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': language === 'en' ? 'en, sv;q=0.5' : 'sv, en;q=0.5',
    ...options.headers,
  };
  let payload: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    payload = options.raw.body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network' });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json')
    ? await response.json().catch(() => ({}))
    : await response.text();
  if (!response.ok) {
    const problem = (typeof data === 'object' && data ? data : { title: String(data) }) as ProblemBody;
    if (response.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** `?a=1&b=x` from an object, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Field errors keyed by field name: `body.email` → `email`, `body.parentId` → `parentId`.
 * Errors not tied to a field are returned under `''`.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.path.replace(/^body\.?/, '').split('.')[0] ?? '';
    if (!(field in result)) result[field] = e.message;
  }
  return result;
}
