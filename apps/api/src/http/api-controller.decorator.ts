import { applyDecorators, Controller, HttpCode, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { KEY_SCOPE, type KeyScope } from '../auth/key-scope';
import { errorRef, type ReferenceObject, type SchemaObject } from './openapi';

export const OPERATOR_SECURITY = 'operatorKey';
export const WORKSPACE_SECURITY = 'workspaceKey';

/**
 * A `/v1/<path>` controller behind the key guard: operator routes take ADMIN_API_KEY, workspace
 * routes a workspace key. Declaring a controller this way is the only way to get one, so no route
 * is left unguarded.
 */
export function ApiController(path: string, scope: KeyScope, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`v1/${path}`),
    SetMetadata(KEY_SCOPE, scope),
    UseGuards(ApiKeyGuard),
    ApiTags(tag),
    ApiBearerAuth(scope === 'operator' ? OPERATOR_SECURITY : WORKSPACE_SECURITY),
    ApiResponse({
      status: 400,
      description: 'Invalid input: the message names the field and the problem.',
      schema: errorRef(),
    }),
    ApiResponse({
      status: 401,
      description: 'Missing, malformed, unknown or revoked key.',
      schema: errorRef(),
    }),
    ApiResponse({
      status: 403,
      description:
        scope === 'operator'
          ? 'A workspace key on an operator route.'
          : 'The operator key on a workspace route.',
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

export interface EndpointOptions {
  summary: string;
  /** Success status (default 200). */
  status?: number;
  response?: ReferenceObject | SchemaObject;
  description?: string;
  /** Statuses beyond the common ones this route may answer (404, 409, 422...). */
  errors?: Array<404 | 409 | 413 | 415 | 422>;
}

const ERROR_TEXT: Record<number, string> = {
  404: 'Not found in this workspace.',
  409: 'Conflicts with an existing resource.',
  413: 'Request body too large.',
  415: 'Unsupported Content-Type.',
  422: 'The request breaks a rule (for example WhatsApp without the workspace feature).',
};

export function Endpoint(options: EndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  return applyDecorators(
    HttpCode(status),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiResponse({
      status,
      description: 'Success.',
      ...(options.response ? { schema: options.response } : {}),
    }),
    ...(options.errors ?? []).map((s) =>
      ApiResponse({ status: s, description: ERROR_TEXT[s], schema: errorRef() }),
    ),
  );
}
