import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { schemas as asyncApiSchemas } from '@asyncapi/specs';
import { parse } from 'yaml';
import * as contracts from '../index';
import { contractsIn, sendMsgId } from '../index';
import { asyncApiText, schemaFileText } from './asyncapi';
import { renderJsonSchemas } from './json-schemas';

const all = contractsIn(contracts);
const root = join(__dirname, '..', '..');
const version = (
  JSON.parse(readFileSync(join(root, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;
const REGENERATE = 'run `npm run contracts:schemas` after changing a contract';

describe('the JSON Schemas and the AsyncAPI document', () => {
  const files = renderJsonSchemas(all);

  it(`are what libs/contracts/schemas holds (${REGENERATE})`, () => {
    const dir = join(root, 'schemas');
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
    for (const [name, schema] of Object.entries(files))
      expect({ name, text: readFileSync(join(dir, name), 'utf8') }).toEqual({
        name,
        text: schemaFileText(schema),
      });
  });

  it(`is what libs/contracts/asyncapi.yaml holds (${REGENERATE})`, () => {
    expect(readFileSync(join(root, 'asyncapi.yaml'), 'utf8')).toBe(asyncApiText(all, version));
  });

  it('covers every contract: an event or broadcast file, a request and a reply file per request', () => {
    for (const c of all) {
      const names =
        c.kind === 'request'
          ? [`${c.subject}.request.json`, `${c.subject}.response.json`]
          : [`${c.subject}.json`];
      for (const name of names) expect(Object.keys(files)).toContain(name);
    }
  });

  it('is a valid AsyncAPI 3.0.0 document', () => {
    // The AsyncAPI schema carries its own copy of the draft-07 meta-schema: Ajv's is left out.
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: false,
      meta: false,
      validateSchema: false,
    });
    const validate = ajv.compile(asyncApiSchemas['3.0.0'] as object);
    const document = parse(asyncApiText(all, version)) as Record<string, unknown>;
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...document, operations: { broken: { action: 'fly' } } })).toBe(false);
    expect(Object.keys(document.channels as object)).toEqual(
      expect.arrayContaining([
        'outboundSendRequested',
        'rpcOutboundSend',
        'rpcOutboundSendReply',
        'deadLetter',
      ]),
    );
  });

  it('accepts a real send and refuses a broken one, as the zod contract does', () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validate = ajv.compile(files['outbound.send.requested.json']);
    const send = {
      idempotencyKey: 'reminder:42',
      workspaceId: '0b9f6d2e-5f4c-4a43-9d8e-2f0a1f4c5d6e',
      phoneNumberId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      memberId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
      channel: 'sms',
      body: 'See you Tuesday',
      kind: 'system',
      origin: { service: 'reminders' },
    };
    expect(validate(send)).toBe(true);
    expect(contracts.SendRequested.schema.safeParse(send).success).toBe(true);
    for (const broken of [
      { ...send, channel: 'fax' },
      { ...send, workspaceId: 'nope' },
      { ...send, origin: undefined },
    ]) {
      expect(validate(broken)).toBe(false);
      expect(contracts.SendRequested.schema.safeParse(broken).success).toBe(false);
    }
    const reply = ajv.compile(files['rpc.outbound.send.response.json']);
    expect(reply({ ok: true, data: { id: send.memberId, status: 'queued', reason: null } })).toBe(true);
    expect(reply({ ok: false, error: { code: 'not_found', message: 'Member not found.' } })).toBe(true);
    expect(reply({ ok: true, data: { status: 'queued' } })).toBe(false);
  });

  it('names the send de-duplication id once: <workspaceId>:<idempotencyKey>', () => {
    expect(sendMsgId({ workspaceId: 'w1', idempotencyKey: 'k' })).toBe('w1:k');
    expect(contracts.SendRequested.description).toContain('<workspaceId>:<idempotencyKey>');
  });
});
