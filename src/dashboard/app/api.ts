/**
 * The public HTTP API, as the signed-in key: the key lives in sessionStorage (gone when the tab closes) and
 * goes out as a Bearer token. Errors come back as the server's typed error (code + actionable message).
 */
const _KEY = 'fathom.apiKey';

export const session = {
  get: (): string | null => sessionStorage.getItem(_KEY),
  set: (key: string): void => sessionStorage.setItem(_KEY, key),
  clear: (): void => sessionStorage.removeItem(_KEY),
};

export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

export interface ApiInit {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
  key?: string;
}

/** The raw response (for streams); throws ApiError on a non-2xx answer. */
export async function apiFetch(path: string, init: ApiInit = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const key = init.key ?? session.get();
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(path, { method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'), headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, signal: init.signal });
  if (!r.ok) throw await toApiError(r);
  return r;
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  return (await (await apiFetch(path, init)).json()) as T;
}

export async function toApiError(r: Response): Promise<ApiError> {
  try {
    const { error } = (await r.json()) as { error: { code: string; message: string } };
    if (r.status === 401) window.dispatchEvent(new Event('fathom:signed-out'));
    return new ApiError(error.code, error.message, r.status);
  } catch {
    return new ApiError('HTTP_' + r.status, `The server answered ${r.status} ${r.statusText}.`, r.status);
  }
}

export const errorText = (e: unknown): string => (e instanceof ApiError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e));

let _openapi: Promise<{ paths: Record<string, Record<string, unknown>> }> | undefined;
/** Whether the server lists `method path` in /openapi.json (features appear only when their route exists). */
export async function hasRoute(method: string, path: string): Promise<boolean> {
  _openapi ??= api<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json').catch(() => ({ paths: {} }));
  return Boolean((await _openapi).paths[path]?.[method]);
}

export const docHref = (id: string): string => `#/documents/${encodeURIComponent(id)}`;
