// Small fetch helpers shared by the chat page and the dashboard. Every API error body has the shape
// {"error":{"code":"snake_case","message":"..."}}; ApiError keeps both so the UI can show the message.

/**
 * Base URL of the HTTP API: `<pages>/api`, where `<pages>` is wherever the pages are deployed
 * (`/interview/`, or `/<ctx>/interview/` in a WAR). The build uses a relative base; its bundles always sit in
 * `<pages>/assets/`, so the API is one level up from this module, for the chat page and the dashboard alike.
 */
export const API_BASE = apiBase(import.meta.env.BASE_URL, import.meta.url);

export function apiBase(viteBase: string, moduleUrl: string): string {
  if (viteBase.startsWith('/')) {
    return `${viteBase.replace(/\/$/, '')}/api`;
  }
  return new URL('../api', moduleUrl).pathname;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Turns a non-2xx response into an ApiError with the server's code and message when it sent one. */
export async function toApiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (body && typeof body.error === 'object' && body.error !== null) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string' && body.error.message) message = body.error.message;
    }
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): keep the status line as the message.
  }
  return new ApiError(response.status, code, message);
}

/** Fetches JSON; network failures become ApiError with status 0 so callers handle one error type. */
export async function requestJson<T>(fetchFn: FetchLike, url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (e) {
    throw new ApiError(0, 'network_error', `The server could not be reached (${(e as Error).message}).`);
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

export function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  };
}
