import { z } from 'zod';
import type { Contract } from '../define';
import { DeadLetter } from '../dead-letter.contracts';

/** A JSON Schema document (draft-07, the dialect AsyncAPI 3 schemas build on). */
export type JsonSchema = Record<string, unknown>;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * A zod schema as JSON Schema. `io: 'input'` is what a sender may put on the wire (defaults
 * optional); `output` is what a consumer receives after the contract parsed it.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-07', io, unrepresentable: 'any' });
}

/** What a request-reply answers: the data, or an error with one of the shared codes. */
export function replyEnvelope(data: JsonSchema): JsonSchema {
  const { $schema: _, ...inner } = data;
  return {
    $schema: DRAFT_07,
    oneOf: [
      {
        type: 'object',
        properties: { ok: { const: true }, data: inner },
        required: ['ok', 'data'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          ok: { const: false },
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
          },
        },
        required: ['ok', 'error'],
        additionalProperties: false,
      },
    ],
  };
}

/**
 * Every NATS payload as a JSON Schema file, by file name: `<subject>.json` for an event or a
 * broadcast, `<subject>.request.json` and `<subject>.response.json` (the reply envelope) for a
 * request, and `dlq.json` for a dead letter. Written to libs/contracts/schemas by
 * `npm run contracts:schemas`.
 */
export function renderJsonSchemas(contracts: readonly Contract[]): Record<string, JsonSchema> {
  const files: Record<string, JsonSchema> = {};
  const titled = (schema: JsonSchema, title: string, description: string): JsonSchema => ({
    $schema: DRAFT_07,
    title,
    description,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  });
  for (const c of contracts) {
    if (c.kind === 'request') {
      files[`${c.subject}.request.json`] = titled(
        toJsonSchema(c.request, 'input'),
        `${c.subject} request`,
        c.description,
      );
      files[`${c.subject}.response.json`] = titled(
        replyEnvelope(toJsonSchema(c.response, 'output')),
        `${c.subject} reply`,
        `The answer to ${c.subject}: { ok: true, data } or { ok: false, error: { code, message } }.`,
      );
    } else {
      files[`${c.subject}.json`] = titled(toJsonSchema(c.schema, 'input'), c.subject, c.description);
    }
  }
  files['dlq.json'] = titled(
    toJsonSchema(DeadLetter, 'output'),
    'dlq.<service>.<subject>',
    'A message a consumer could not handle, with the error (published by the messaging layer).',
  );
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}
