import {
  applyDecorators,
  Controller,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiExtension,
  ApiTags,
} from '@nestjs/swagger';
import { AccessGuard } from '../auth/access.guard';
import { KEY_SCOPE, type KeyScope } from '../auth/key-scope';
import { errorRef, type ReferenceObject, type SchemaObject } from './openapi';

export const OPERATOR_SECURITY = 'operatorKey';
export const WORKSPACE_SECURITY = 'workspaceKey';
export const SESSION_SECURITY = 'session';
/** Marks an operation that needs no credential (the document builder clears its security). */
export const ANONYMOUS_EXTENSION = 'x-anonymous';

const FORBIDDEN_TEXT: Record<KeyScope, string> = {
  operator: 'A workspace key, or a session that is not an admin.',
  workspace:
    'The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs.',
  user: 'An API key (keys have no user).',
  anonymous: '',
};

/** Who may call, as OpenAPI security requirements (any one of them). */
function security(scope: KeyScope): ClassDecorator[] {
  switch (scope) {
    case 'operator':
      return [ApiBearerAuth(OPERATOR_SECURITY), ApiCookieAuth(SESSION_SECURITY)];
    case 'workspace':
      return [
        ApiBearerAuth(WORKSPACE_SECURITY),
        ApiCookieAuth(SESSION_SECURITY),
        ApiHeader({
          name: 'X-Workspace-Id',
          required: false,
          description: 'With a session (not a key): the workspace this request acts in.',
          example: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
        }),
      ];
    case 'user':
      return [ApiCookieAuth(SESSION_SECURITY)];
    case 'anonymous':
      return [ApiExtension(ANONYMOUS_EXTENSION, true)];
  }
}

/**
 * A `/v1/<path>` controller behind the access guard: operator routes take an operator key or an
 * admin's session, workspace routes a workspace key or a session naming the workspace, user
 * routes a session. Declaring a controller this way is the only way to get one, so no route is
 * left unguarded (the request gate has already refused callers it does not know).
 */
export function ApiController(path: string, scope: KeyScope, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`v1/${path}`),
    SetMetadata(KEY_SCOPE, scope),
    UseGuards(AccessGuard),
    ApiTags(tag),
    ...security(scope),
    ApiResponse({
      status: 400,
      description: 'Invalid input: the message names the field and the problem.',
      schema: errorRef(),
    }),
    ApiResponse({
      status: 401,
      description: 'Missing, malformed, unknown, expired or revoked key; no session, or an ended one.',
      schema: errorRef(),
    }),
    ApiResponse({ status: 403, description: FORBIDDEN_TEXT[scope], schema: errorRef() }),
    ApiResponse({
      status: 429,
      description: 'Too many requests from this key or address: retry after `Retry-After` seconds.',
      schema: errorRef(),
    }),
    ApiResponse({
      status: 500,
      description: 'Unexpected error; the message carries an error id found in the logs.',
      schema: errorRef(),
    }),
    ApiResponse({
      status: 503,
      description: 'A service behind the API did not answer; retry later.',
      schema: errorRef(),
    }),
  );
}

/**
 * A route anyone may call on an otherwise guarded controller (signing in): no caller needed,
 * and a 4 KiB body limit (see the request gate).
 */
export const Anonymous = (): MethodDecorator =>
  applyDecorators(
    RouteConfig({ anonymous: true }),
    SetMetadata(KEY_SCOPE, 'anonymous'),
    ApiExtension(ANONYMOUS_EXTENSION, true),
  );

/** A route on a workspace controller that only a signed-in user may call (not a key). */
export const ForUsers = (): MethodDecorator => applyDecorators(SetMetadata(KEY_SCOPE, 'user'));

export interface EndpointOptions {
  summary: string;
  /** Success status (default 200). */
  status?: number;
  response?: ReferenceObject | SchemaObject;
  description?: string;
  /** Statuses beyond the common ones this route may answer (404, 409, 422...). */
  errors?: Array<404 | 409 | 413 | 415 | 422>;
  /** Headers the success answer may carry, with what they say. */
  headers?: Record<string, { description: string; schema: SchemaObject }>;
}

const ERROR_TEXT: Record<number, string> = {
  404: 'Not found in this workspace.',
  409: 'Conflicts with an existing resource.',
  413: 'Request body too large.',
  415: 'Unsupported Content-Type.',
  422: 'The request breaks a rule (for example WhatsApp without the workspace feature).',
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A route and its documentation in one place: `@Endpoint('GET', ':id', { summary, response })`
 * routes GET `<controller path>/:id` (`''` is the controller's own path) and documents it.
 */
export function Endpoint(method: HttpMethod, path: string, options: EndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  return applyDecorators(
    RequestMapping({ method: RequestMethod[method], path }),
    HttpCode(status),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiResponse({
      status,
      description: 'Success.',
      ...(options.response ? { schema: options.response } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
    }),
    ...(options.errors ?? []).map((s) =>
      ApiResponse({ status: s, description: ERROR_TEXT[s], schema: errorRef() }),
    ),
  );
}
