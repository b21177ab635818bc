import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { CONSOLE_SECURITY_HEADERS, consoleCsp } from './console-headers';

/** The placeholder `vite.config.ts` (html.cspNonce) writes where each response's nonce goes. */
const NONCE_PLACEHOLDER = /CSP_NONCE_PLACEHOLDER/g;

/**
 * Where the built console is: CONSOLE_DIR, else beside the compiled api (dist/apps/api/console,
 * which is where `node scripts/build.mjs` puts it and what the api image carries), else the
 * repository's dist/ when the api runs from its sources (tests).
 */
export function findConsoleDir(configured?: string): string | undefined {
  const candidates = configured
    ? [resolve(configured)]
    : [resolve(__dirname, '../../console'), resolve(__dirname, '../../../../dist/apps/api/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the operator console at /console/: hashed assets cached for a year, every other path
 * the single page (no-cache, a fresh CSP nonce each time) so the app's own routes survive a
 * reload. Without a build, /console/ says how to make one.
 */
export async function serveConsole(app: NestFastifyApplication, dir: string | undefined): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const page = dir ? readFileSync(join(dir, 'index.html'), 'utf8') : undefined;

  if (dir) {
    await fastify.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/console/assets/',
      decorateReply: false,
      index: false,
      // File names carry a content hash: a changed file is a new URL.
      immutable: true,
      maxAge: '365d',
      // The build writes .br and .gz beside each asset (scripts/build-console.mjs).
      preCompressed: true,
      setHeaders: (reply: FastifyReply) => void reply.headers(CONSOLE_SECURITY_HEADERS),
    });
  }

  const sendPage = (reply: FastifyReply) => {
    const nonce = randomBytes(18).toString('base64');
    void reply.headers({
      ...CONSOLE_SECURITY_HEADERS,
      'content-security-policy': consoleCsp(nonce),
      'cache-control': 'no-cache',
    });
    if (!page) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `node scripts/build.mjs` (or `npm run build`).\n');
    }
    return reply.type('text/html; charset=utf-8').send(page.replace(NONCE_PLACEHOLDER, nonce));
  };

  fastify.get('/console', (_req, reply) => reply.redirect('/console/', 301));
  fastify.get('/console/', (_req, reply) => sendPage(reply));
  fastify.get('/console/*', (req, reply) => {
    // A missing asset is a 404, never the page (a script tag must not receive HTML).
    if (req.url.startsWith('/console/assets/')) return reply.callNotFound();
    return sendPage(reply);
  });
}
