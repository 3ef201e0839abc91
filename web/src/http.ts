/** RFC 7807 problem details, as every error of the API comes. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Row-by-row or field-by-field errors of a rejected import or record. */
  errors?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent on every write made with the session cookie. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * A call to the platform's API on the same origin. JSON bodies are sent as JSON, FormData and Blobs as they are;
 * a problem+json answer throws an ApiError carrying the problem, so a page can show its detail to the person.
 */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers: given, ...rest } = init;
  const headers = new Headers(given);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const method = (rest.method ?? (json === undefined ? 'GET' : 'POST')).toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let body = rest.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  const response = await fetch(path, { ...rest, method, headers, body, credentials: 'same-origin' });
  if (!response.ok) {
    const problem: Problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** Saves a file the API answers (a label PDF, a CSV export) under the name the server gives, or `fallback`. */
export async function download(path: string, fallback: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const problem: Problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
