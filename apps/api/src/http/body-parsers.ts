import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@app/contracts';
import { jsonNestingExceeds } from './json-nesting';
import { TooManyRequests } from './too-many-requests';
import { YamlParser } from './yaml-parser';

export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
/** YAML is slow to parse (see YamlParser): documents are capped far below JSON bodies. */
export const YAML_BODY_LIMIT = 64 * 1024;
export const MAX_BODY_DEPTH = 64;
export const YAML_TIMEOUT_MS = 1_000;

/**
 * The api's only body parsers, each with a size, depth and time limit, and reached only once the
 * request gate knows the caller:
 * - JSON up to `bodyLimit` (413 above), nested at most MAX_BODY_DEPTH levels (checked by a byte
 *   scan before parsing), parsed by Fastify's parser (prototype poisoning refused). JSON.parse is
 *   linear: a 1 MiB body takes a few milliseconds, which bounds its time.
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
      if (jsonNestingExceeds(body, MAX_BODY_DEPTH))
        return done(
          new AppError('invalid_input', `The JSON body is nested deeper than ${MAX_BODY_DEPTH} levels.`),
          undefined,
        );
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
