// Test support for the emulator's integration specs (and anyone testing against the emulator).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  {
    timeoutMs = 5000,
    intervalMs = 10,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface ReceivedRequest {
  path: string;
  /** The full URL the request was sent to, as Twilio signs it. */
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string | string[]>;
  /** Whether `X-Twilio-Signature` validates with the auth token. */
  signatureValid: boolean;
}

export interface FormReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** What the next requests get: status and body (TwiML by default). */
  respondWith(status: number, body: string, contentType?: string): void;
  close(): Promise<void>;
}

/** A local HTTP server standing for the application: records form posts and checks their signature. */
export async function startFormReceiver(authToken: string): Promise<FormReceiver> {
  const requests: ReceivedRequest[] = [];
  let answer = {
    status: 200,
    body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    contentType: 'text/xml',
  };
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
        const previous = params[key];
        params[key] =
          previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
      }
      const url = `${base}${req.url ?? '/'}`;
      const signature = req.headers['x-twilio-signature'];
      requests.push({
        path: (req.url ?? '/').split('?')[0],
        url,
        headers: req.headers,
        params,
        signatureValid:
          typeof signature === 'string' && twilio.validateRequest(authToken, signature, url, params),
      });
      res.writeHead(answer.status, { 'content-type': answer.contentType });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    respondWith(status, body, contentType = 'text/xml') {
      answer = { status, body, contentType };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON call to an emulator control endpoint. */
export async function control<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
