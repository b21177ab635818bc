import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@app/contracts';
import { jsonShapeProblem } from './json-nesting';
import { TooManyRequests } from './too-many-requests';
import { YamlParser } from './yaml-parser';

export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
/** YAML is slow to parse (see YamlParser): documents are capped far below JSON bodies. */
export const YAML_BODY_LIMIT = 64 * 1024;
export const MAX_BODY_DEPTH = 64;
/** A JSON body's values: far above any real request, far below what stalls the event loop. */
export const MAX_BODY_VALUES = 20_000;
export const YAML_TIMEOUT_MS = 1_000;

/**
 * The api's only body parsers, each with a size, depth and time limit, and reached only once the
 * request gate knows the caller:
 * - JSON up to `bodyLimit` (413 above), nested at most MAX_BODY_DEPTH levels and holding at most
 *   MAX_BODY_VALUES values (a byte scan before parsing: 1 MiB of tiny values takes JSON.parse tens
 *   of milliseconds, 1 MiB of text a few), parsed by Fastify's parser (prototype
 *   poisoning refused).
 * - YAML only on the routes that document it (workflows), up to 64 KiB, the same depth, parsed in
 *   a worker thread with a 1 s deadline.
 * Nothing else: forms, text and XML are 415 (Nest's own JSON and form parsers are not installed).
 */
export function registerBodyParsers(
  app: NestFastifyApplication,
  options: { bodyLimit: number; yamlRoutes: string[] },
): YamlParser {
  // Nest adds its JSON and urlencoded parsers at init unless they are marked registered already.
  app.getHttpAdapter().registerParserMiddleware();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();

  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.bodyLimit },
    (request, body: Buffer, done) => {
      const problem = jsonShapeProblem(body, {
        maxDepth: MAX_BODY_DEPTH,
        maxValues: MAX_BODY_VALUES,
      });
      if (problem) return done(new AppError('invalid_input', `The JSON body ${problem}.`), undefined);
      void json(request, body.toString('utf8'), done);
    },
  );

  const yaml = new YamlParser({ timeoutMs: YAML_TIMEOUT_MS, maxDepth: MAX_BODY_DEPTH, maxQueued: 16 });
  fastify.addContentTypeParser(
    YAML_CONTENT_TYPES,
    { parseAs: 'string', bodyLimit: YAML_BODY_LIMIT },
    async (request: FastifyRequest, body: string | Buffer) => {
      const url = request.routeOptions.url ?? '';
      if (!options.yamlRoutes.some((p) => url.startsWith(p)))
        throw new UnsupportedMediaTypeException(
          'YAML is accepted only by the workflow routes; send application/json.',
        );
      const outcome = await yaml.parse(body.toString());
      if (outcome.ok) return outcome.value;
      if (outcome.reason === 'busy')
        throw new TooManyRequests('Too many YAML documents at once; send JSON.', 1);
      throw new AppError('invalid_input', `The YAML body could not be parsed: ${outcome.message}.`);
    },
  );
  fastify.addHook('onClose', () => yaml.close());
  return yaml;
}
