import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMediaStore, fetchMedia } from './index';

describe('FileMediaStore', () => {
  it('keeps, reads and removes files by key, and refuses keys that leave its directory', async () => {
    const store = new FileMediaStore(await mkdtemp(join(tmpdir(), 'media-')));
    await store.put('ws1/MM1/0', Buffer.from('photo'));
    expect((await store.get('ws1/MM1/0'))?.toString()).toBe('photo');
    expect(await store.get('ws1/MM1/1')).toBeNull();
    await store.remove('ws1');
    expect(await store.get('ws1/MM1/0')).toBeNull();
    await expect(store.put('../escape', Buffer.from('x'))).rejects.toThrow('Not a media key');
    await expect(store.get('ws1/../../etc/passwd')).rejects.toThrow('Not a media key');
  });
});

describe('fetchMedia (a real HTTP server)', () => {
  let server: Server;
  let base: string;
  const auth = `Basic ${Buffer.from('AC1:token').toString('base64')}`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.headers.authorization !== auth) return void res.writeHead(401).end();
      if (req.url === '/small') return void res.writeHead(200, { 'content-type': 'image/png' }).end('png!');
      if (req.url === '/redirect') return void res.writeHead(307, { location: '/small' }).end();
      if (req.url === '/declared-big')
        return void res
          .writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' })
          .end('x'.repeat(5000));
      // Chunked, no length: the size shows only while reading.
      res.writeHead(200, { 'content-type': 'audio/ogg' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const options = { credentials: { username: 'AC1', password: 'token' }, maxBytes: 2000, timeoutMs: 5000 };

  it('downloads with HTTP Basic, following redirects', async () => {
    const fetched = await fetchMedia(`${base}/redirect`, options);
    expect(fetched).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(fetched.ok && fetched.bytes.toString()).toBe('png!');
  });

  it('refuses a file over the limit, declared or streamed', async () => {
    expect(await fetchMedia(`${base}/declared-big`, options)).toMatchObject({ ok: false, code: 'too_large' });
    expect(await fetchMedia(`${base}/chunked`, options)).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('says why a download failed', async () => {
    expect(await fetchMedia(`${base}/small`, { ...options, credentials: undefined })).toMatchObject({
      ok: false,
      code: 'download_failed',
      reason: 'the file could not be downloaded (HTTP 401)',
    });
    expect(await fetchMedia('http://127.0.0.1:1/nothing', options)).toMatchObject({
      ok: false,
      code: 'download_failed',
    });
  });
});
