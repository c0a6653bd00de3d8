// The one way the app talks to /api/v1: JSON in and out, the CSRF token on every write, ETags for
// If-Match, and failures thrown as ApiError carrying the report a screen shows.

import { networkFailure, parseProblem, reportProblem, type ErrorReport } from './problem';

export class ApiError extends Error {
  constructor(readonly report: ErrorReport) {
    super(report.message);
    this.name = 'ApiError';
  }
}

export interface Versioned<T> {
  body: T;
  etag: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const kPublicPaths = new Set(['/session', '/setup']);

let csrfToken = '';
let onSignedOut: () => void = () => {};

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? '';
}

/** Called when any request answers 401, so the app can return to sign-in. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

async function send(method: Method, path: string, body?: unknown, ifMatch?: string | null, file?: Blob): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (file) headers['Content-Type'] = file.type;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? null : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(networkFailure());
  }
  if (!response.ok) {
    let problemBody: unknown = null;
    try {
      problemBody = await response.json();
    } catch {
      problemBody = null;
    }
    const report = reportProblem(parseProblem(response.status, problemBody));
    // A refused sign-in or setup is an answer to show on that form, not a session that ended.
    if (report.signedOut && !kPublicPaths.has(path)) onSignedOut();
    throw new ApiError(report);
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  async get<T>(path: string): Promise<T> {
    return json<T>(await send('GET', path));
  },
  async getVersioned<T>(path: string): Promise<Versioned<T>> {
    const response = await send('GET', path);
    return { body: await json<T>(response), etag: response.headers.get('ETag') };
  },
  async post<T>(path: string, body?: unknown, etag?: string | null): Promise<T> {
    return json<T>(await send('POST', path, body ?? {}, etag));
  },
  async put<T>(path: string, body: unknown, etag?: string | null): Promise<T> {
    return json<T>(await send('PUT', path, body, etag));
  },
  /** A file's bytes as the body, sent with its own media type (photographs). */
  async putFile<T>(path: string, file: Blob): Promise<T> {
    return json<T>(await send('PUT', path, undefined, null, file));
  },
  async del(path: string): Promise<void> {
    await send('DELETE', path);
  },
};

/** A query string from the non-empty values, e.g. `?q=doyle&limit=20`. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
