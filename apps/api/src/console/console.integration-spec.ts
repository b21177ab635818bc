import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { ApiHarness } from '../testing/api-harness';

const PAGE = `<!doctype html><html><head>
<meta property="csp-nonce" nonce="CSP_NONCE_PLACEHOLDER">
<script type="module" crossorigin src="/console/assets/index-abc123.js" nonce="CSP_NONCE_PLACEHOLDER"></script>
</head><body><div id="root"></div></body></html>`;

/** A console build as Vite writes it: index.html and hashed assets. */
async function fakeBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'console-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("console");\n');
  await writeFile(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log("console");\n'));
  return dir;
}

describe('the console at /console/', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start({ env: { CONSOLE_DIR: await fakeBuild() } });
  });
  afterAll(() => h?.stop());

  const get = (path: string) => fetch(`${h.api.url}${path}`, { redirect: 'manual' });

  it('serves the page with a strict CSP whose nonce is fresh each time and on every tag', async () => {
    const first = await get('/console/');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await first.text();
    expect(html).not.toContain('CSP_NONCE_PLACEHOLDER');
    expect(html.split(`nonce="${nonce}"`)).toHaveLength(3);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');

    const second = await get('/console/');
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
  });

  it("answers the app's own routes with the page, so a reload keeps the place", async () => {
    for (const path of ['/console/phone-numbers', '/console/members/6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b']) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await res.text()).toContain('<div id="root">');
    }
    const bare = await get('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('serves hashed assets cached for a year, and a missing asset is a 404, never the page', async () => {
    const asset = await get('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    // Precompressed by the build: sent as brotli to a browser that takes it.
    const compressed = await fetch(`${h.api.url}/console/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(await compressed.text()).toBe('console.log("console");\n');
    const missing = await get('/console/assets/nope-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    expect((await get('/console/assets/..%2f..%2findex.html')).status).toBe(404);
  });

  it('leaves the API and its errors as they were', async () => {
    expect((await get('/v1/phone-numbers')).status).toBe(401);
    expect((await get('/nope')).status).toBe(404);
  });
});

describe('the console before it is built', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start({ env: { CONSOLE_DIR: await mkdtemp(join(tmpdir(), 'no-console-')) } });
  });
  afterAll(() => h?.stop());

  it('says how to build it', async () => {
    const res = await fetch(`${h.api.url}/console/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('node scripts/build.mjs');
  });
});
