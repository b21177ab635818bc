import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildOpenApiDocument } from './openapi-document';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Messaging API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#swagger-ui', persistAuthorization: true });</script>
</body>
</html>`;

/**
 * `GET /docs` (Swagger UI, served from swagger-ui-dist without extra plugins) and
 * `GET /docs/openapi.json`. Public: the document holds no secrets.
 */
export function setupDocs(app: NestFastifyApplication): void {
  const document = JSON.stringify(buildOpenApiDocument(app));
  const assetsDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/docs/openapi.json', (_req: FastifyRequest, reply: FastifyReply) =>
    reply.type('application/json').send(document),
  );
  fastify.get('/docs', (_req: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(PAGE),
  );
  fastify.get(
    '/docs/assets/:file',
    (req: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const type = ASSETS[req.params.file];
      if (!type)
        return reply
          .status(404)
          .send({ statusCode: 404, error: 'Not Found', message: 'No such docs asset.' });
      let content = cache.get(req.params.file);
      if (!content) {
        content = readFileSync(join(assetsDir, req.params.file));
        cache.set(req.params.file, content);
      }
      return reply.type(type).header('cache-control', 'public, max-age=86400').send(content);
    },
  );
}
