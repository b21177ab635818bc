import type { RecordedMessage } from '@app/testing';
// HTTP clients for the REST API, the emulator's control endpoints and the Twilio webhooks.
import { randomInt } from 'node:crypto';
import { randomPhone } from '@app/testing';
import { ADMIN_KEY } from './stack';

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  text: string;
}

export async function http<T = any>(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<HttpAnswer<T>> {
  const res = await fetch(url, {
    method,
    headers: options.headers,
    body: options.body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body: body as T, text };
}

export class Api {
  constructor(readonly url: string) {}

  call<T = any>(method: string, path: string, key: string, body?: unknown): Promise<HttpAnswer<T>> {
    return http<T>(method, `${this.url}${path}`, {
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Like call() but throws on a non-2xx answer; retried while the API or a neighbour is restarting. */
  async ok<T = any>(method: string, path: string, key: string, body?: unknown, attempts = 20): Promise<T> {
    let last = '';
    for (let i = 0; i < attempts; i++) {
      try {
        const res = await this.call<T>(method, path, key, body);
        if (res.status < 300) return res.body;
        last = `${res.status} ${res.text}`;
        if (res.status < 500) break;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${method} ${path} -> ${last}`);
  }

  /** A fresh workspace with the WhatsApp feature and a key scoped to it. */
  async workspace(name = 'Faults clinic'): Promise<{ id: string; key: string }> {
    const ws = await this.ok<{ id: string }>('POST', '/v1/workspaces', ADMIN_KEY, { name });
    await this.ok('PUT', `/v1/workspaces/${ws.id}/features/whatsapp`, ADMIN_KEY);
    const { key } = await this.ok<{ key: string }>('POST', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY);
    return { id: ws.id, key };
  }

  /** A workflow of the workspace with these steps. */
  workflow(key: string, name: string, definition: unknown[]): Promise<{ id: string }> {
    return this.ok('POST', '/v1/workflows', key, { name, definition });
  }

  /** A new number of the workspace (added by the operator) taking SMS and WhatsApp, with these settings. */
  phoneNumber(
    workspaceId: string,
    settings: Record<string, unknown> = {},
  ): Promise<{ id: string; number: string }> {
    return this.ok('POST', `/v1/workspaces/${workspaceId}/phone-numbers`, ADMIN_KEY, {
      number: randomPhone(),
      smsEnabled: true,
      whatsappEnabled: true,
      ...settings,
    });
  }
}

/** What the emulator recorded (the shared test type). */
export type EmulatedMessage = RecordedMessage;

export class Emulator {
  constructor(readonly url: string) {}

  async messages(query: Record<string, string> = {}): Promise<EmulatedMessage[]> {
    const qs = new URLSearchParams(query).toString();
    const res = await http<{ messages: EmulatedMessage[] }>(
      'GET',
      `${this.url}/emulator/messages${qs ? `?${qs}` : ''}`,
      { timeoutMs: 60_000 },
    );
    if (res.status !== 200) throw new Error(`GET /emulator/messages -> ${res.status}`);
    return res.body.messages;
  }

  /** A phone writes to a number: the emulator posts the signed webhook to ingress and tells its answer. */
  async inbound(
    message: { from: string; to: string; body: string; channel: 'sms' | 'whatsapp'; messageSid?: string },
    timeoutMs = 15_000,
  ): Promise<{ messageSid: string; status: number; body: string }> {
    const res = await http<{ messageSid: string; status: number; body: string }>(
      'POST',
      `${this.url}/emulator/inbound`,
      {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ profileName: 'Faults', ...message }),
        timeoutMs,
      },
    );
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`POST /emulator/inbound -> ${res.status} ${res.text}`);
    return res.body;
  }
}

export { randomPhone };

/** A Twilio-shaped message SID (SM + 32 hex). */
export function messageSid(): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += randomInt(0, 16).toString(16);
  return `SM${hex}`;
}
