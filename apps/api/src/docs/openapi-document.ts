import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { OPERATOR_SECURITY, WORKSPACE_SECURITY } from '../http/api-controller.decorator';
import { openApiComponents } from '../http/openapi';

/** The OpenAPI document of every /v1 route, built from the controllers and their zod schemas. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Messaging API')
    .setDescription(
      [
        'AI conversations over SMS and WhatsApp on the same Twilio numbers.',
        '',
        'Authenticate with `Authorization: Bearer <key>`. The operator key (ADMIN_API_KEY) manages workspaces and their API keys;',
        'every other route takes a workspace key (`wsk_...`) and sees only that workspace.',
        'Errors are always `{ statusCode, error, message }`.',
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' }, OPERATOR_SECURITY)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A workspace key (wsk_...)' },
      WORKSPACE_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Only the public API: health and metrics are for operators' probes.
    include: [],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  for (const path of Object.keys(document.paths)) if (!path.startsWith('/v1/')) delete document.paths[path];
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...openApiComponents() },
  };
  return document;
}
