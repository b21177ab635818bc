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
});
