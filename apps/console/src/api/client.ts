import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema.gen';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let currentWorkspaceId: string | null = null;

/** Workspace routes act on this workspace (`X-Workspace-Id`); set by the workspace switcher. */
export function setWorkspaceHeader(workspaceId: string | null): void {
  currentWorkspaceId = workspaceId;
}

/**
 * What every console request carries: the session cookie (same origin), `X-Requested-With` on
 * unsafe methods (the api's CSRF check), and the chosen workspace.
 */
function consoleHeaders(headers: Headers, method: string, workspaceId = currentWorkspaceId): void {
  if (UNSAFE.has(method.toUpperCase())) headers.set('X-Requested-With', 'console');
  if (workspaceId) headers.set('X-Workspace-Id', workspaceId);
}

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    consoleHeaders(request.headers, request.method);
    return request;
  },
};

const baseUrl = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;

/** The typed client, generated from the api's OpenAPI document. */
export const api = createClient<paths>({ baseUrl, credentials: 'same-origin' });
api.use(headersMiddleware);

/** The answer's data, or an ApiError for a non-2xx answer. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await toApiError(response, error);
  return data as T;
}

/**
 * A call to a route this console's generated types do not know yet (it lands in the api in the
 * same release): same headers, same errors. A missing route answers an ApiError whose
 * `endpointMissing` is true, and the page says the feature is not available.
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { workspaceId?: string } = {},
): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  consoleHeaders(headers, method, options.workspaceId ?? currentWorkspaceId);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export { ApiError };
