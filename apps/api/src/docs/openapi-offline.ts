import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { serviceModule } from '@app/runtime';
import { loadApiConfig } from '../config';
import { apiService } from '../start';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The same document `GET /docs/openapi.json` serves, built without Postgres or NATS: Nest's
 * preview mode reads the controllers without creating any provider. The console generates its
 * API types from it (apps/console/scripts/api-schema.mjs).
 */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadApiConfig({
    ADMIN_API_KEY: 'offline-document-only',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    NATS_URL: 'nats://127.0.0.1:1',
  });
  const app = await NestFactory.create(serviceModule(apiService, config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
