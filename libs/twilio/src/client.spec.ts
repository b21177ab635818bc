import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTwilioClient, rebasingRequestClient, rebaseTwilioUrl } from './client';

describe('rebaseTwilioUrl', () => {
  it('moves any Twilio domain onto the base origin, keeping path and query', () => {
    expect(
      rebaseTwilioUrl(
        'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1',
        'http://127.0.0.1:3999',
      ),
    ).toBe('http://127.0.0.1:3999/2010-04-01/Accounts/AC1/Messages.json?To=%2B1');
    expect(rebaseTwilioUrl('https://content.twilio.com/v1/Content', 'http://localhost:3999/')).toBe(
      'http://localhost:3999/v1/Content',
    );
  });

  it('keeps a path prefix of the base', () => {
    expect(
      rebaseTwilioUrl('https://api.dublin.ie1.twilio.com/2010-04-01/x.json', 'https://proxy.example/twilio/'),
    ).toBe('https://proxy.example/twilio/2010-04-01/x.json');
  });

  it('leaves non-Twilio URLs alone', () => {
    expect(rebaseTwilioUrl('https://example.com/a', 'http://127.0.0.1:3999')).toBe('https://example.com/a');
    expect(rebaseTwilioUrl('https://nottwilio.com/a', 'http://127.0.0.1:3999')).toBe(
      'https://nottwilio.com/a',
    );
  });

  it('refuses a malformed base URL', () => {
    expect(() => rebasingRequestClient('not a url')).toThrow('Invalid Twilio API base URL');
    expect(() => rebasingRequestClient('ftp://host')).toThrow('http or https only');
  });
});

describe('createTwilioClient with apiBaseUrl', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { method?: string; url?: string; auth?: string; body: string; connection?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          body,
          connection: req.headers.connection,
        });
        if (req.url?.startsWith('/slow')) return; // never answers: the client's timeout ends it
        if (new URLSearchParams(body).get('To') === '+1bad') {
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(
            JSON.stringify({ code: 21211, message: "The 'To' number is not valid", status: 400 }),
          );
        }
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ messages: [], next_page_uri: null, page: 0, page_size: 50 }));
        }
        if (req.url === '/v1/Content') {
          res.writeHead(201, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ sid: 'HX' + '1'.repeat(32), ...JSON.parse(body) }));
        }
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            sid: 'SM' + '0'.repeat(32),
            status: 'queued',
            to: '+15551234567',
            num_segments: '1',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends REST calls to the base URL with basic auth and keep-alive', async () => {
    const accountSid = 'AC' + 'a'.repeat(32);
    const client = createTwilioClient({ accountSid, authToken: 'secret', apiBaseUrl: baseUrl });
    const message = await client.messages.create({ to: '+15551234567', from: '+15557654321', body: 'hi' });

    expect(message.sid).toBe('SM' + '0'.repeat(32));
    expect(message.status).toBe('queued');
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request.auth).toBe('Basic ' + Buffer.from(`${accountSid}:secret`).toString('base64'));
    expect(new URLSearchParams(request.body).get('Body')).toBe('hi');
    expect(request.connection).toBe('keep-alive');
    server.closeAllConnections();
  });

  const accountSid = 'AC' + 'b'.repeat(32);
  const client = () =>
    createTwilioClient({ accountSid, authToken: 'secret', apiBaseUrl: baseUrl, timeoutMs: 300 });

  it('sends every media URL as its own MediaUrl field, as the SDK does', async () => {
    await client().messages.create({
      to: '+15551234567',
      from: '+15557654321',
      body: 'pics',
      mediaUrl: ['https://x.example/a.png', 'https://x.example/b.png'],
    });
    expect(new URLSearchParams(seen.at(-1)!.body).getAll('MediaUrl')).toEqual([
      'https://x.example/a.png',
      'https://x.example/b.png',
    ]);
  });

  it('puts a list call’s filters in the query', async () => {
    await client().messages.list({
      from: '+15557654321',
      dateSentAfter: new Date('2026-01-02T03:04:05Z'),
      limit: 5,
    });
    const query = new URL(seen.at(-1)!.url!, 'http://x').searchParams;
    expect(seen.at(-1)!.method).toBe('GET');
    expect(query.get('From')).toBe('+15557654321');
    expect(query.get('DateSent>')).toBe('2026-01-02T03:04:05Z');
  });

  it('sends a JSON body where the SDK asks for JSON (Content API)', async () => {
    const content = await client().content.v1.contents.create({
      // As the gateway sends it: the Content API's own field names.
      friendly_name: 'x',
      language: 'en',
      types: { 'twilio/text': { body: 'hi' } },
    } as never);
    expect(content.sid).toBe('HX' + '1'.repeat(32));
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({ friendly_name: 'x', language: 'en' });
  });

  it("answers Twilio's refusal as the SDK's error, with its status and code", async () => {
    const error = await client()
      .messages.create({ to: '+1bad', from: '+15557654321', body: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 21211 });
  });

  it('gives up on a call with no answer after its timeout, with no HTTP status', async () => {
    const slow = createTwilioClient({
      accountSid,
      authToken: 'secret',
      apiBaseUrl: `${baseUrl}/slow`,
      timeoutMs: 200,
    });
    const error = await slow.messages
      .create({ to: '+15551234567', from: '+1555', body: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { status?: unknown }).status).toBeUndefined();
  });
});
