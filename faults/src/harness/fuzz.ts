// Generators for the bad-input tests: Twilio webhooks (random and malformed bodies, wrong and
// missing signatures, huge fields, odd encodings) and REST bodies that break the API's rules.
// Seeded (FAULTS_SEED), so a failing case is replayed exactly.
import { computeTwilioSignature } from '@app/twilio';
import { parse as parseQuery } from 'node:querystring';
import { ACCOUNT_SID, AUTH_TOKEN } from './stack';
import type { Random } from './util';

export interface HttpCase {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const FORM = 'application/x-www-form-urlencoded';

/** Strings that tend to break parsers, databases and templates. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\uFFFD\uFFFE\uFFFF',
  '\uD800',
  '😀👍🏽👨‍👩‍👧‍👦',
  'مرحبا بالعالم',
  '\u202Ereversed',
  'Ω≈ç√∫˜µ≤≥÷',
  '{{member.phone}}',
  '{{#each this}}{{/each}}',
  '{{> partial}}',
  '${process.exit(1)}',
  "'; DROP TABLE chats; --",
  '<script>alert(1)</script>',
  '%00%ff%fe',
  '../../../../etc/passwd',
  '\r\n\r\nX-Injected: 1',
  'a'.repeat(1601),
  'é'.repeat(800),
  'STOP',
  'stop ',
  'HELP',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '[object Object]',
  '__proto__',
];

export function randomString(random: Random, maxLength = 40): string {
  const length = random.int(0, maxLength);
  let out = '';
  for (let i = 0; i < length; i++) {
    const kind = random.int(0, 9);
    if (kind < 5) out += String.fromCharCode(random.int(0x20, 0x7e));
    else if (kind < 7) out += String.fromCharCode(random.int(0, 0x1f));
    else if (kind < 9) out += String.fromCodePoint(random.int(0xa0, 0x2fff));
    else out += String.fromCodePoint(random.int(0x1f300, 0x1faff));
  }
  return out;
}

/** What an HTTP client can put in a header (latin1 without control characters). */
function headerSafe(text: string): string {
  return [...text]
    .map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0xff && c.charCodeAt(0) !== 0x7f ? c : '?'))
    .join('');
}

function randomBytes(random: Random, length: number): Buffer {
  const buf = Buffer.alloc(length);
  for (let i = 0; i < length; i++) buf[i] = random.int(0, 255);
  return buf;
}

export function randomSid(random: Random, prefix = 'SM'): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += random.int(0, 15).toString(16);
  return `${prefix}${hex}`;
}

/** Twilio's parameters of an inbound SMS (as the emulator sends them). */
export function inboundParams(random: Random, fields: Record<string, string> = {}): Record<string, string> {
  const sid = randomSid(random);
  return {
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    AccountSid: ACCOUNT_SID,
    From: '+15550001111',
    To: '+15550002222',
    Body: 'hello',
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    ...fields,
  };
}

export function statusParams(random: Random, fields: Record<string, string> = {}): Record<string, string> {
  const sid = randomSid(random);
  return {
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: 'delivered',
    SmsStatus: 'delivered',
    AccountSid: ACCOUNT_SID,
    From: '+15550002222',
    To: '+15550001111',
    ApiVersion: '2010-04-01',
    ...fields,
  };
}

export function encodeForm(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  return search.toString();
}

/** Signs a raw form body as Twilio would (over the URL and the parameters as the server parses them). */
export function signRaw(url: string, rawBody: string, token = AUTH_TOKEN): string {
  const parsed = parseQuery(rawBody) as Record<string, string | string[]>;
  return computeTwilioSignature(token, url, parsed);
}

/**
 * Webhooks ingress must refuse with a 4xx, storing nothing: unsigned, wrongly signed, not a form,
 * an unknown account, missing required fields, malformed media, too large.
 */
export function rejectedWebhookCases(random: Random, ingressUrl: string, count: number): HttpCase[] {
  const cases: HttpCase[] = [];
  const paths = ['/twilio/messaging', '/twilio/status'] as const;
  const paramsFor = (path: string, fields: Record<string, string> = {}) =>
    path === '/twilio/messaging' ? inboundParams(random, fields) : statusParams(random, fields);
  // A form POST to a webhook, with the signature given (none when undefined).
  const post = (name: string, path: string, body: string, signature?: string): HttpCase => ({
    name,
    method: 'POST',
    path,
    headers: { 'content-type': FORM, ...(signature !== undefined && { 'x-twilio-signature': signature }) },
    body,
  });
  // Correctly signed over its own URL.
  const signed = (name: string, path: string, body: string) =>
    post(name, path, body, signRaw(`${ingressUrl}${path}`, body));
  const generators: Array<(path: string) => HttpCase> = [
    // Random bytes under random content types, unsigned.
    (path) => ({
      name: 'random bytes',
      method: 'POST',
      path,
      headers: {
        'content-type': random.pick([
          FORM,
          'application/json',
          'text/plain',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
          `${FORM}; charset=latin1`,
        ]),
      },
      body: randomBytes(random, random.int(0, 4096)),
    }),
    // A proper webhook without a signature.
    (path) => post('no signature', path, encodeForm(paramsFor(path))),
    // Empty or garbage signatures.
    (path) => {
      const signature = random.pick([
        '',
        ' ',
        'abc',
        'A'.repeat(28),
        '='.repeat(500),
        headerSafe(randomString(random, 60)),
        randomBytes(random, 20).toString('base64'),
        'é'.repeat(5),
      ]);
      return post('garbage signature', path, encodeForm(paramsFor(path)), signature);
    },
    // Signed with another token.
    (path) => {
      const body = encodeForm(paramsFor(path));
      return post(
        'signed with a wrong token',
        path,
        body,
        signRaw(`${ingressUrl}${path}`, body, 'not-the-token'),
      );
    },
    // Signed over another URL (a proxy misconfiguration, or a replay to another endpoint).
    (path) => {
      const body = encodeForm(paramsFor(path));
      const other = path === '/twilio/messaging' ? '/twilio/status' : '/twilio/messaging';
      return post('signed for another URL', path, body, signRaw(`${ingressUrl}${other}`, body));
    },
    // Signed, then tampered with (the body changed after signing).
    (path) => {
      const params = paramsFor(path);
      const signature = signRaw(`${ingressUrl}${path}`, encodeForm(params));
      const tampered = { ...params, [random.pick(Object.keys(params))]: randomString(random, 20) || 'x' };
      return post('tampered after signing', path, encodeForm(tampered), signature);
    },
    // Correctly signed by an account we do not serve.
    (path) =>
      signed(
        'unknown account',
        path,
        encodeForm(paramsFor(path, { AccountSid: `AC${randomSid(random, '').slice(0, 32)}` })),
      ),
    // Correctly signed but missing what the webhook needs.
    (path) => {
      const params = paramsFor(path);
      const required =
        path === '/twilio/messaging' ? ['MessageSid', 'From', 'To'] : ['MessageSid', 'MessageStatus'];
      const drop = random.pick(required);
      if (drop === 'MessageSid') delete params.SmsSid;
      if (drop === 'MessageStatus') delete params.SmsStatus;
      if (random.bool()) delete params[drop];
      else params[drop] = random.pick(['', ' ', '\t']);
      return signed(`signed, ${drop} missing`, path, encodeForm(params));
    },
    // Too large for the body limit (64 KiB), signed or not.
    (path) =>
      signed(
        'huge body',
        path,
        encodeForm(paramsFor(path, { Body: 'x'.repeat(random.int(70_000, 300_000)) })),
      ),
    // JSON instead of a form, signed over its fields.
    (path) => {
      const params = paramsFor(path);
      return {
        name: 'JSON body',
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'x-twilio-signature': computeTwilioSignature(AUTH_TOKEN, `${ingressUrl}${path}`, params),
        },
        body: JSON.stringify(params),
      };
    },
  ];
  // Messaging only: media counts that do not add up.
  const mediaCase = (): HttpCase => {
    const path = '/twilio/messaging';
    const numMedia = random.pick(['-1', 'abc', '11', '1e3', '2', '0x1', '1.5', ' 1']);
    return signed(
      `signed, NumMedia=${JSON.stringify(numMedia)}`,
      path,
      encodeForm(inboundParams(random, { NumMedia: numMedia })),
    );
  };
  for (let i = 0; i < count; i++) {
    const which = random.int(0, generators.length);
    cases.push(which === generators.length ? mediaCase() : generators[which](random.pick(paths)));
  }
  return cases;
}

/**
 * Correctly signed webhooks full of odd values, for numbers and messages the system does not
 * have: ingress may take them (2xx) but nothing downstream may store anything or fail for them.
 */
export function strangeSignedWebhookCases(random: Random, ingressUrl: string, count: number): HttpCase[] {
  const cases: HttpCase[] = [];
  const odd = () => (random.bool(0.6) ? random.pick(NASTY_STRINGS) : randomString(random, 80));
  for (let i = 0; i < count; i++) {
    const path = random.bool(0.6) ? '/twilio/messaging' : '/twilio/status';
    let raw: string;
    if (path === '/twilio/messaging') {
      const params = inboundParams(random, {
        // Unknown numbers and addresses that are not numbers at all.
        From: random.pick([
          '+15559990000',
          'whatsapp:+15559990001',
          odd() || 'x',
          'whatsapp:',
          'messenger:abc',
          '+0',
          '+1'.padEnd(40, '9'),
        ]),
        To: random.pick(['+15559990002', 'whatsapp:+15559990003', odd() || 'y', 'whatsapp:whatsapp:+1555']),
        Body: odd(),
        ProfileName: odd(),
      });
      if (random.bool(0.2))
        Object.assign(params, { NumMedia: '1', MediaUrl0: odd() || 'z', MediaContentType0: odd() });
      raw = encodeForm(params);
    } else {
      const params = statusParams(random, {
        MessageStatus: random.pick([
          'queued',
          'sent',
          'delivered',
          'read',
          'undelivered',
          'failed',
          'receiving',
          'canceled',
          odd() || 'w',
        ]),
        ErrorCode: random.pick(['', '63016', '30003', '21610', '-1', 'abc', '99999999999999999999']),
        ChannelPrefix: random.pick(['', 'whatsapp', odd()]),
      });
      raw = encodeForm(params);
    }
    // Odd encodings: raw percent sequences that are not valid UTF-8, '+' for spaces, repeated keys.
    if (random.bool(0.3))
      raw += `&Body=${random.pick(['%C3%28', '%FF%FE', '%E2%82', '%ED%A0%80', '%00', '+++', '%25%32%35'])}`;
    if (random.bool(0.2))
      raw += `&${random.pick(['Foo', 'MediaUrl5', 'a%00b', '%F0%9F%98%80'])}=${random.pick(['1', '%C0%AF', ''])}`;
    const query =
      path === '/twilio/status' && random.bool(0.5)
        ? `?sendId=${encodeURIComponent(wellFormed(random.pick(['not-a-uuid', '00000000-0000-0000-0000-000000000000', crypto.randomUUID(), odd()])))}`
        : '';
    cases.push({
      name: `signed odd ${path}${query ? ' with sendId' : ''}`,
      method: 'POST',
      path: `${path}${query}`,
      headers: {
        'content-type': random.pick([FORM, `${FORM}; charset=utf-8`, `${FORM}; charset=ISO-8859-1`]),
        'x-twilio-signature': signRaw(`${ingressUrl}${path}${query}`, raw),
      },
      body: raw,
    });
  }
  return cases;
}

/** A JSON REST call with a key. */
export interface ApiCase {
  name: string;
  method: string;
  path: string;
  key: string | null;
  /** A value to send as JSON, or a raw string (sent as is). */
  body?: unknown;
  raw?: string;
  contentType?: string;
}

type Invalid = Record<string, unknown[]>;

interface Endpoint {
  method: string;
  path: string;
  admin?: boolean;
  base: Record<string, unknown>;
  /** Values that make each field invalid. */
  invalid: Invalid;
  required: string[];
}

const NOT_UUIDS = [
  'x',
  '123',
  '',
  ' ',
  'ffffffff-ffff-ffff-ffff-fffffffffffff',
  "' OR 1=1 --",
  '%00',
  '../..',
  42,
  true,
  null,
  {},
  [],
];
const WRONG_BOOL = ['yes', 'true', 1, 0, null, {}, [], 'false'];
const WRONG_STRING = [42, true, {}, [], ['a']];
const LONG = (n: number) => 'x'.repeat(n);
const BAD_CEL = [
  'member.',
  'member.first_name ==',
  '(((',
  'member.nope == 1',
  '1 +',
  '"unterminated',
  'member.first_name.startsWith(',
  LONG(2001),
  42,
];
const BAD_TEMPLATE = ['{{#if}}', '{{', '{{/each}}', '{{#each x}}', '{{> missing', 42, LONG(1601)];

export function apiEndpoints(ids: {
  phoneNumberId: string;
  memberId: string;
  workflowId: string;
  workspaceId: string;
  randomUuid: string;
}): Endpoint[] {
  const action = { type: 'send_sms', phoneNumberId: ids.phoneNumberId, template: 'Hi {{member.first_name}}' };
  return [
    {
      method: 'POST',
      path: '/v1/workspaces',
      admin: true,
      base: { name: 'Fuzz' },
      required: ['name'],
      invalid: { name: [...WRONG_STRING, '', '   ', LONG(201), null] },
    },
    {
      // The operator assigns numbers (a workspace key is refused: see bad-input's claim check).
      method: 'POST',
      path: `/v1/workspaces/${ids.workspaceId}/phone-numbers`,
      admin: true,
      base: { number: '+15550009999', smsEnabled: true, whatsappEnabled: false, brandName: 'Fuzz' },
      required: ['number'],
      invalid: {
        number: [
          'abc',
          '',
          '+1',
          '5550009999x',
          '+1555000999999999999',
          ...WRONG_STRING,
          null,
          '+1 (555) 😀',
        ],
        smsEnabled: WRONG_BOOL,
        whatsappEnabled: WRONG_BOOL,
        defaultWorkflowId: [...NOT_UUIDS.filter((v) => v !== null), ids.randomUuid],
        businessHours: ['always', 42, { mon: 'x' }, { timezone: 'Mars/Olympus', days: {} }, [1, 2]],
        sendRatePerSecond: [-1, 0, 'fast', 1e12, {}],
        brandName: WRONG_STRING,
      },
    },
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${ids.phoneNumberId}`,
      base: { brandName: 'Fuzz 2' },
      required: [],
      invalid: {
        smsEnabled: WRONG_BOOL,
        whatsappEnabled: WRONG_BOOL,
        defaultWorkflowId: [...NOT_UUIDS.filter((v) => v !== null), ids.randomUuid],
        sendRatePerSecond: [-1, 'fast'],
        number: ['+15551234567'],
      },
    },
    {
      method: 'POST',
      path: '/v1/members',
      base: { firstName: 'Fuzz', phone: '+15550008888', notifyWhatsapp: true },
      required: [],
      invalid: {
        phone: ['abc', '12', '+', '+1555000888899999999', '😀', ...WRONG_STRING],
        email: ['not-an-email', '@', 'a@', 42, LONG(500)],
        firstName: [...WRONG_STRING, LONG(201)],
        notifySms: WRONG_BOOL,
        notifyWhatsapp: WRONG_BOOL,
        unknownField: ['x'],
        optedOut: [true],
      },
    },
    {
      method: 'PATCH',
      path: `/v1/members/${ids.memberId}`,
      base: { notifySms: false },
      required: [],
      invalid: {
        notifySms: WRONG_BOOL,
        phone: ['abc', 42],
        email: ['nope'],
        firstName: [LONG(201), 42],
        extra: [1],
      },
    },
    {
      method: 'POST',
      path: '/v1/workflows',
      base: { name: 'Fuzz flow', definition: [{ reply: 'hi' }] },
      required: ['name', 'definition'],
      invalid: {
        name: ['', ...WRONG_STRING, LONG(201)],
        definition: [
          'x',
          42,
          [],
          [{}],
          [{ reply: 5 }],
          ...BAD_TEMPLATE.map((t) => [{ reply: t }]),
          ...BAD_CEL.map((c) => [{ if: c, then: [{ reply: 'a' }], else: [] }]),
          [{ agent: { instructions: 'x', abilities: ['send_fax'] } }],
          [{ agent: 'x' }],
          [{ fax: 'x' }],
          'steps:\n  - reply: [unclosed',
        ],
      },
    },
    {
      method: 'PUT',
      path: `/v1/workflows/${ids.workflowId}`,
      base: { name: 'Fuzz flow', definition: [{ reply: 'hi' }] },
      required: ['definition'],
      invalid: { definition: ['x', [], [{ reply: '{{#if}}' }], [{ if: '(((', then: [] }]], name: [42, ''] },
    },
    {
      method: 'POST',
      path: '/v1/messages',
      base: { phoneNumberId: ids.phoneNumberId, memberId: ids.memberId, channel: 'sms', body: 'hi' },
      required: ['phoneNumberId', 'channel'],
      invalid: {
        phoneNumberId: [...NOT_UUIDS, ids.randomUuid],
        memberId: [...NOT_UUIDS.filter((v) => v !== null), ids.randomUuid],
        channel: ['fax', '', 'SMS', 42, null],
        body: [42, {}, LONG(1601)],
        contentSid: ['bad', 'HX123', 42],
        contentVariables: ['x', [1], 42],
      },
    },
    {
      method: 'POST',
      path: '/v1/event-rules',
      base: { event: 'form.submitted', action },
      required: ['event', 'action'],
      invalid: {
        event: ['', 42, LONG(101)],
        condition: BAD_CEL,
        action: [
          'x',
          { ...action, type: 'send_fax' },
          { ...action, phoneNumberId: 'x' },
          { ...action, phoneNumberId: ids.randomUuid },
          ...BAD_TEMPLATE.map((t) => ({ ...action, template: t })),
          { type: 'send_whatsapp', phoneNumberId: ids.phoneNumberId, contentSid: 'nope' },
        ],
      },
    },
    {
      method: 'POST',
      path: '/v1/events',
      base: { type: 'form.submitted', memberId: ids.memberId, data: {} },
      required: ['type'],
      invalid: {
        type: ['', 42, null, LONG(1000)],
        memberId: [...NOT_UUIDS.filter((v) => v !== null), ids.randomUuid],
        data: ['x', 42, [1]],
        at: ['tomorrow', 42, '2026-13-01T00:00:00Z'],
      },
    },
    {
      method: 'POST',
      path: '/v1/routines',
      base: { name: 'Fuzz routine', memberFilter: 'member.first_name == "nobody"', action },
      required: ['name', 'memberFilter', 'action'],
      invalid: {
        name: ['', 42, LONG(201)],
        memberFilter: BAD_CEL,
        schedule: ['every day', '* * *', '61 * * * *', 42, LONG(101)],
        action: [
          'x',
          { ...action, type: 'send_fax' },
          { ...action, phoneNumberId: ids.randomUuid },
          { ...action, template: '{{#if}}' },
        ],
      },
    },
    {
      method: 'PUT',
      path: `/v1/workspaces/${ids.workspaceId}/features/fax`,
      admin: true,
      base: {},
      required: [],
      invalid: {},
    },
  ];
}

/** Calls that must answer a 4xx and change nothing. */
export function invalidApiCases(
  random: Random,
  ids: Parameters<typeof apiEndpoints>[0],
  keys: { admin: string; workspace: string },
  count: number,
): ApiCase[] {
  const endpoints = apiEndpoints(ids);
  const cases: ApiCase[] = [];
  const keyFor = (e: Endpoint) => (e.admin ? keys.admin : keys.workspace);
  // A workspace key claiming a number, plain or taking an archived one: refused (403).
  for (const reassign of [undefined, true])
    cases.push({
      name: `POST /v1/phone-numbers claimed by a workspace key${reassign ? ' (reassign)' : ''}`,
      method: 'POST',
      path: '/v1/phone-numbers',
      key: keys.workspace,
      body: { number: '+15550009998', smsEnabled: true, ...(reassign ? { reassign } : {}) },
    });
  // Fixed corpus: authentication, paths, queries and bodies that are not JSON objects.
  for (const e of endpoints) {
    cases.push({
      name: `${e.method} ${e.path} without a key`,
      method: e.method,
      path: e.path,
      key: null,
      body: e.base,
    });
    cases.push({
      name: `${e.method} ${e.path} with a wrong key`,
      method: e.method,
      path: e.path,
      key: `sk_${randomString(random, 20).replace(/[^\x21-\x7e]/g, 'x')}`,
      body: e.base,
    });
    cases.push({
      name: `${e.method} ${e.path} with the other scope's key`,
      method: e.method,
      path: e.path,
      key: e.admin ? keys.workspace : keys.admin,
      body: e.base,
    });
    if (!e.path.includes('/features/')) {
      cases.push({
        name: `${e.method} ${e.path} not JSON`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
        raw: '{"name": ',
        contentType: 'application/json',
      });
      cases.push({
        name: `${e.method} ${e.path} an array`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
        body: [e.base],
      });
      cases.push({
        name: `${e.method} ${e.path} a string`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
        body: 'hello',
      });
      cases.push({
        name: `${e.method} ${e.path} deeply nested`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
        raw: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
        contentType: 'application/json',
      });
      cases.push({
        name: `${e.method} ${e.path} 3 MB`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
        body: { ...e.base, name: LONG(3_000_000) },
      });
      for (const field of e.required) {
        const body = { ...e.base };
        delete body[field];
        cases.push({
          name: `${e.method} ${e.path} without ${field}`,
          method: e.method,
          path: e.path,
          key: keyFor(e),
          body,
        });
      }
    } else {
      cases.push({
        name: `${e.method} ${e.path} (unknown feature)`,
        method: e.method,
        path: e.path,
        key: keyFor(e),
      });
    }
  }
  for (const path of [
    '/v1/members/not-a-uuid',
    '/v1/phone-numbers/%00',
    `/v1/members/${ids.randomUuid}`,
    '/v1/chats/x/messages',
    `/v1/workflows/${ids.randomUuid}`,
    `/v1/routines/${ids.randomUuid}`,
  ]) {
    cases.push({ name: `GET ${path}`, method: 'GET', path, key: keys.workspace });
    cases.push({
      name: `PATCH ${path}`,
      method: 'PATCH',
      path,
      key: keys.workspace,
      body: { firstName: 'x' },
    });
  }
  for (const query of [
    'channel=fax',
    'memberId=x',
    'limit=0',
    'limit=abc',
    'limit=100000',
    'cursor=!!!',
    'unknown=1',
    'channel=sms&channel=whatsapp',
  ]) {
    cases.push({
      name: `GET /v1/chats?${query}`,
      method: 'GET',
      path: `/v1/chats?${query}`,
      key: keys.workspace,
    });
  }
  for (const query of ['filter=member.(', 'filter=member.nope', 'limit=-1', 'phone=', 'cursor=%ff']) {
    cases.push({
      name: `GET /v1/members?${query}`,
      method: 'GET',
      path: `/v1/members?${query}`,
      key: keys.workspace,
    });
  }
  cases.push({
    name: `DELETE /v1/phone-numbers/${ids.randomUuid}`,
    method: 'DELETE',
    path: `/v1/phone-numbers/${ids.randomUuid}`,
    key: keys.workspace,
  });
  cases.push({
    name: `POST /v1/routines/${ids.randomUuid}/run`,
    method: 'POST',
    path: `/v1/routines/${ids.randomUuid}/run`,
    key: keys.workspace,
  });
  cases.push({
    name: `POST /v1/workspaces/${ids.randomUuid}/api-keys`,
    method: 'POST',
    path: `/v1/workspaces/${ids.randomUuid}/api-keys`,
    key: keys.admin,
  });
  // Random: a valid body with one to three fields made invalid.
  const withInvalid = endpoints.filter((e) => Object.keys(e.invalid).length);
  for (let i = 0; i < count; i++) {
    const e = random.pick(withInvalid);
    const body: Record<string, unknown> = { ...e.base };
    const fields = random.shuffle(Object.keys(e.invalid)).slice(0, random.int(1, 3));
    for (const field of fields) body[field] = random.pick(e.invalid[field]);
    cases.push({
      name: `${e.method} ${e.path} with invalid ${fields.join(', ')}`,
      method: e.method,
      path: e.path,
      key: keyFor(e),
      body,
    });
  }
  return cases;
}

/** encodeURIComponent throws on unpaired surrogates, which odd() may produce: replace them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A workflow as YAML of about `bytes` bytes: a long list of reply steps (slow to parse). */
function yamlSteps(bytes: number): string {
  const lines = ['name: Big', 'definition:'];
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = `  - reply: "hello ${i}"`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** YAML that is slow for the parser per byte: many quoted keys with flow collections. */
const yamlQuotedKeys = (count: number) =>
  Array.from({ length: count }, (_, i) => `"k${i}": {a: [1, {b: c}]}`).join('\n');

/** A CEL member filter nested `depth` times (each level multiplies the work of a naive evaluator). */
function nestedFilter(depth: number): string {
  let expr = 'member.first_name == "x"';
  for (let i = 0; i < depth; i++) expr = `[1, 2, 3].exists(v${i}, ${expr} || v${i} > 1)`;
  return expr;
}

/**
 * Bodies meant to cost the api CPU or memory: oversized and deeply nested JSON and YAML, slow YAML,
 * alias bombs and huge filters, each without a key, with a wrong key and with a valid one. None
 * may answer a 5xx, and the api must stay responsive meanwhile.
 */
export function hostileBodyCases(keys: { workspace: string }): HttpCase[] {
  const json = 'application/json';
  const yaml = 'application/yaml';
  const bodies: Array<[string, string, string]> = [
    ['1 MiB YAML workflow', yamlSteps(1000 * 1000), yaml],
    ['60 KiB YAML workflow', yamlSteps(60 * 1024), yaml],
    ['60 KiB slow YAML (quoted keys)', yamlQuotedKeys(2_400), yaml],
    ['YAML nested 10,000 deep', `${'['.repeat(10_000)}1${']'.repeat(10_000)}`, yaml],
    [
      'YAML alias bomb',
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      ].join('\n'),
      yaml,
    ],
    ['JSON nested 100,000 deep', `${'['.repeat(100_000)}1${']'.repeat(100_000)}`, json],
    ['JSON objects nested 5,000 deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, json],
    ['1 MiB JSON array of numbers', `[${Array(500_000).fill(1).join(',')}]`, json],
    ['JSON just over the body limit', JSON.stringify({ name: LONG(1024 * 1024) }), json],
    [
      '1 MiB JSON of many small steps',
      JSON.stringify({ name: '', definition: Array.from({ length: 40_000 }, () => ({ reply: 'hi' })) }),
      json,
    ],
  ];
  const callers: Array<[string, Record<string, string>]> = [
    ['without a key', {}],
    ['with a wrong key', { authorization: `Bearer wsk_${'A'.repeat(43)}` }],
    ['with a key', { authorization: `Bearer ${keys.workspace}` }],
  ];
  const cases: HttpCase[] = [];
  for (const [who, auth] of callers) {
    for (const [name, body, type] of bodies)
      cases.push({
        name: `POST /v1/workflows ${name} ${who}`,
        method: 'POST',
        path: '/v1/workflows',
        headers: { ...auth, 'content-type': type },
        body,
      });
    for (const [name, filter] of [
      ['a 10,000-character filter', `member.first_name == "${LONG(10_000)}"`],
      ['a filter nested 12 deep', nestedFilter(12)],
      [
        'a filter of 300 ORs',
        Array.from({ length: 300 }, (_, i) => `member.first_name == "n${i}"`).join(' || '),
      ],
    ])
      cases.push({
        name: `GET /v1/members with ${name} ${who}`,
        method: 'GET',
        path: `/v1/members?filter=${encodeURIComponent(filter)}`,
        headers: auth,
      });
  }
  return cases;
}
