import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse } from 'yaml';
import { AppError } from '@app/contracts';

export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/**
 * Accepts YAML bodies on the routes that document them (workflows): the document is parsed here,
 * so the route validates it exactly like JSON. Elsewhere YAML is an unsupported media type.
 */
export function registerYamlBodies(fastify: FastifyInstance, routePrefixes: string[]): void {
  fastify.addContentTypeParser(
    YAML_CONTENT_TYPES,
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const url = request.routeOptions.url ?? '';
      if (!routePrefixes.some((p) => url.startsWith(p))) {
        done(
          new UnsupportedMediaTypeException(
            'YAML is accepted only by the workflow routes; send application/json.',
          ),
        );
        return;
      }
      try {
        done(null, parse(String(body), { maxAliasCount: 50 }) as unknown);
      } catch (error) {
        done(
          new AppError(
            'invalid_input',
            `The YAML body could not be parsed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          ),
        );
      }
    },
  );
}
