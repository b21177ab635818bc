import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  ANONYMOUS_EXTENSION,
  OPERATOR_SECURITY,
  SESSION_SECURITY,
  WORKSPACE_SECURITY,
} from '../http/api-controller.decorator';
import { SESSION_COOKIE } from '../sessions/session-token';
import { openApiComponents } from '../http/openapi';

/** The OpenAPI document of every /v1 route, built from the controllers and their zod schemas. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Messaging API')
    .setDescription(
      [
        'AI conversations over SMS and WhatsApp on the same Twilio numbers.',
        '',
        'Authenticate with `Authorization: Bearer <key>`. The operator key (ADMIN_API_KEY) manages workspaces, users and API keys;',
        'every other route takes a workspace key (`wsk_...`) and sees only that workspace, within its permissions:',
        '`read` (GET), `send` (`POST /v1/messages`, `POST /v1/events`), `manage` (every other change). Keys may expire.',
        'People sign in with `POST /v1/sessions` and are then known by the `ta_session` cookie: an admin may do what the operator',
        'key does; on workspace routes a session names its workspace in `X-Workspace-Id`; changes made with the cookie must carry',
        '`X-Requested-With: console`. Too many requests per key or address: 429 with `Retry-After`.',
        'Errors are always `{ statusCode, error, message }`.',
      ].join('\n'),
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative: the document is served by the API it describes, wherever that is deployed.
    .addServer('/', 'This API (the server that serves this document)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' }, OPERATOR_SECURITY)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A workspace key (wsk_...)' },
      WORKSPACE_SECURITY,
    )
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Only the public API: health and metrics are for operators' probes.
    include: [],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  for (const path of Object.keys(document.paths)) if (!path.startsWith('/v1/')) delete document.paths[path];
  // Signing in needs no credential: its operation says so instead of inheriting its controller's.
  for (const operations of Object.values(document.paths))
    for (const operation of Object.values(operations) as Array<Record<string, unknown>>)
      if (operation && typeof operation === 'object' && operation[ANONYMOUS_EXTENSION]) {
        operation.security = [];
        delete operation[ANONYMOUS_EXTENSION];
      }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...openApiComponents() },
  };
  return document;
}
