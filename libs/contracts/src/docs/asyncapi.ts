import { stringify } from 'yaml';
import type { Contract } from '../define';
import { STREAMS } from '../streams';
import { renderJsonSchemas, type JsonSchema } from './json-schemas';

/** `outbound.send.requested` -> `outboundSendRequested` (AsyncAPI ids allow no dots). */
const idOf = (subject: string) =>
  subject.replace(/[.-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9_]/g, '_');

const withoutDialect = ({ $schema: _, ...rest }: JsonSchema): JsonSchema => rest;
const ref = (path: string) => ({ $ref: path });

const MSG_ID_HEADER = {
  type: 'object',
  properties: {
    'Nats-Msg-Id': {
      type: 'string',
      description: "JetStream de-duplication id (the contract's description says how it is made).",
    },
    traceparent: { type: 'string', description: 'W3C trace context, continued by the consumer.' },
  },
  required: ['Nats-Msg-Id'],
};
const TRACE_HEADER = {
  type: 'object',
  properties: {
    traceparent: { type: 'string', description: 'W3C trace context, continued by the answering service.' },
  },
};

/**
 * The AsyncAPI 3 document of every contract: a channel per subject, a `send` and a `receive`
 * operation per event and broadcast (who publishes and who consumes in `x-publishers` /
 * `x-consumers`), a `receive` with a `reply` per request. Payloads are the JSON Schemas of
 * renderJsonSchemas. Written to libs/contracts/asyncapi.yaml by `npm run contracts:schemas`.
 */
export function renderAsyncApi(contracts: readonly Contract[], version: string): Record<string, unknown> {
  const files = renderJsonSchemas(contracts);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};

  const message = (id: string, name: string, summary: string, file: string, headers: JsonSchema) => {
    schemas[id] = withoutDialect(files[file]);
    messages[id] = {
      name,
      title: name,
      summary,
      contentType: 'application/json',
      headers,
      payload: ref(`#/components/schemas/${id}`),
    };
    return ref(`#/components/messages/${id}`);
  };

  for (const c of contracts) {
    const id = idOf(c.subject);
    if (c.kind === 'request') {
      channels[id] = {
        address: c.subject,
        title: c.subject,
        description: `${c.description} Answered by ${c.answeredBy} (queue group ${c.answeredBy}).`,
        messages: {
          request: message(
            `${id}Request`,
            c.subject,
            c.description,
            `${c.subject}.request.json`,
            TRACE_HEADER,
          ),
        },
      };
      channels[`${id}Reply`] = {
        address: null,
        title: `${c.subject} reply`,
        description: "The asker's reply inbox.",
        messages: {
          reply: message(
            `${id}Reply`,
            `${c.subject} reply`,
            `The answer to ${c.subject}.`,
            `${c.subject}.response.json`,
            {
              type: 'object',
            },
          ),
        },
      };
      operations[id] = {
        action: 'receive',
        title: `${c.answeredBy} answers ${c.subject}`,
        channel: ref(`#/channels/${id}`),
        messages: [ref(`#/channels/${id}/messages/request`)],
        reply: {
          channel: ref(`#/channels/${id}Reply`),
          messages: [ref(`#/channels/${id}Reply/messages/reply`)],
        },
        'x-answered-by': c.answeredBy,
        'x-asked-by': [...c.askedBy],
      };
      continue;
    }
    const stored = c.kind === 'event';
    channels[id] = {
      address: c.subject,
      title: c.subject,
      description: stored
        ? `${c.description} Stored by the ${c.stream} stream.`
        : `${c.description} Core NATS: every listener hears it, nothing stores it.`,
      messages: {
        [id]: message(
          id,
          c.subject,
          c.description,
          `${c.subject}.json`,
          stored ? MSG_ID_HEADER : TRACE_HEADER,
        ),
      },
    };
    const from = [...c.publishers];
    const to = [...(c.kind === 'event' ? c.consumers : c.listeners)];
    operations[`${id}Send`] = {
      action: 'send',
      title: `${from.join(', ')} publish ${c.subject}`,
      channel: ref(`#/channels/${id}`),
      messages: [ref(`#/channels/${id}/messages/${id}`)],
      'x-publishers': from,
    };
    operations[`${id}Receive`] = {
      action: 'receive',
      title: `${to.join(', ')} ${stored ? 'consume' : 'hear'} ${c.subject}`,
      channel: ref(`#/channels/${id}`),
      messages: [ref(`#/channels/${id}/messages/${id}`)],
      'x-consumers': to,
    };
  }

  channels.deadLetter = {
    address: 'dlq.{service}.{subject}',
    title: 'dead letters',
    description: `A message a consumer gave up on, with the error. Stored by the DLQ stream (${STREAMS.DLQ.description}).`,
    parameters: {
      service: { description: 'The consuming service that gave up.' },
      subject: { description: 'The original subject (without the namespace).' },
    },
    messages: {
      deadLetter: message('deadLetter', 'dead letter', 'A dead letter.', 'dlq.json', MSG_ID_HEADER),
    },
  };
  operations.deadLetterSend = {
    action: 'send',
    title: 'every consumer dead-letters what it cannot handle',
    channel: ref('#/channels/deadLetter'),
    messages: [ref('#/channels/deadLetter/messages/deadLetter')],
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'twilio-agents NATS contracts',
      version,
      description: [
        'Every NATS subject and payload the services of twilio-agents exchange, generated from the zod',
        'contracts in libs/contracts (`npm run contracts:schemas`; a spec fails when this file drifts).',
        'At run time every subject carries the NATS_NAMESPACE prefix (`<namespace>.<subject>`).',
        'Events are JetStream messages: publish with a `Nats-Msg-Id` (de-duplicated for two minutes).',
        'Requests are core NATS request-reply under `rpc.`, answered by one replica of the owning service.',
        'A send to outbound is de-duplicated by `<workspaceId>:<idempotencyKey>` (libs/client does it).',
      ].join('\n'),
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'NATS 2.9 or later with JetStream.',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

/** The checked-in text of a schema file. */
export const schemaFileText = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`;

/** The checked-in text of asyncapi.yaml. */
export function asyncApiText(contracts: readonly Contract[], version: string): string {
  return [
    '# Generated from the zod contracts by `npm run contracts:schemas`: do not edit by hand.',
    stringify(renderAsyncApi(contracts, version), { lineWidth: 0, aliasDuplicateObjects: false }),
  ].join('\n');
}
