// Turns what the API answers on failure (RFC 9457 problem+json) into what the clinician reads:
// one message for the page and, for 422, one message per form field keyed by its JSON path.

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** What a screen shows after a failed call. `signedOut` sends the user back to sign-in. */
export interface ErrorReport {
  status: number;
  message: string;
  fields: Record<string, string>;
  signedOut: boolean;
  stale: boolean;
}

const kMessageByStatus: Record<number, string> = {
  400: 'The request could not be read. Please try again.',
  401: 'Your session has ended. Please sign in again.',
  403: 'Your role does not allow this.',
  404: 'This record was not found.',
  409: 'This clashes with what is already on record.',
  412: 'Someone else changed this record meanwhile. Reload it and make your change again.',
  413: 'That is too large to send.',
  415: 'That kind of file cannot be stored.',
  422: 'Some fields need attention.',
  428: 'This record must be reloaded before it can be changed.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

export function parseProblem(status: number, body: unknown): Problem {
  const problem: Problem = { status };
  if (body === null || typeof body !== 'object') return problem;
  const record = body as Record<string, unknown>;
  if (typeof record['type'] === 'string') problem.type = record['type'];
  if (typeof record['title'] === 'string') problem.title = record['title'];
  if (typeof record['detail'] === 'string') problem.detail = record['detail'];
  const errors = record['errors'];
  if (Array.isArray(errors)) {
    problem.errors = errors
      .filter((e): e is FieldError =>
        e !== null && typeof e === 'object' && typeof e.path === 'string' && typeof e.message === 'string')
      .map((e) => ({ path: e.path, message: e.message }));
  }
  return problem;
}

/** Field errors by path; a path the form does not show stays in the page message. */
export function reportProblem(problem: Problem): ErrorReport {
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    fields[error.path] = fields[error.path] ? `${fields[error.path]} ${error.message}` : error.message;
  }
  const general = kMessageByStatus[problem.status] ??
    (problem.status >= 500 ? 'The server could not complete this. Please try again; if it persists, tell the administrator.'
                           : 'The request was refused.');
  const detail = problem.detail && problem.detail !== problem.title ? problem.detail : '';
  const message = problem.status === 412 || problem.status === 401 || !detail ? general : `${general} ${detail}`;
  return {
    status: problem.status,
    message,
    fields,
    signedOut: problem.status === 401,
    stale: problem.status === 412 || problem.status === 428,
  };
}

/** Messages for fields no input on the screen claims, to show above the form. */
export function unclaimedFieldMessages(report: ErrorReport, claimed: (path: string) => boolean): string[] {
  return Object.entries(report.fields)
    .filter(([path]) => !claimed(path))
    .map(([path, message]) => `${path}: ${message}`);
}

export function networkFailure(): ErrorReport {
  return {
    status: 0,
    message: 'The Corium server cannot be reached. Check the connection and try again.',
    fields: {},
    signedOut: false,
    stale: false,
  };
}
