import { Client } from 'pg';
import { NatsTestClient, perSuite, serviceEnv, TEST_DATABASE_URL, uniqueNamespace } from '@app/testing';
import type { RunningService } from '@app/runtime';
import { startApi } from '../start';
import { FakeServices } from './fake-services';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

// Tests read answers loosely (res.body.message...); the contracts type the real payloads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  fakes?: boolean;
  namespace?: string;
}

export interface SuiteOptions extends HarnessOptions {
  /** Turn WhatsApp on in the suite's workspace. */
  whatsapp?: boolean;
}

export interface TestWorkspace {
  id: string;
  key: string;
  keyId: string;
}

/** The api in-process on its own namespace and schema, with the services behind it faked over NATS. */
export class ApiHarness {
  private constructor(
    readonly namespace: string,
    readonly api: RunningService,
    readonly nats: NatsTestClient,
    readonly fakes: FakeServices,
  ) {}

  /** `namespace`: share another harness's NATS subjects and database schema (a second replica). */
  static async start(options: HarnessOptions = {}): Promise<ApiHarness> {
    const namespace = options.namespace ?? uniqueNamespace();
    const nats = await NatsTestClient.connect(namespace);
    const fakes = new FakeServices(nats);
    if (options.fakes !== false) fakes.register();
    const api = await startApi(serviceEnv(namespace, 'api', { ADMIN_API_KEY: ADMIN_KEY, ...options.env }));
    return new ApiHarness(namespace, api, nats, fakes);
  }

  /**
   * The api for the tests of one describe block: started before them with a fresh workspace
   * (`h.ws`, WhatsApp on when asked; none with `workspace: false`), stopped after. Use it inside
   * tests and hooks, not at describe time.
   */
  static forSuite(options: SuiteOptions & { workspace: false }): ApiHarness;
  static forSuite(options?: SuiteOptions): ApiHarness & { ws: TestWorkspace };
  static forSuite(options: SuiteOptions & { workspace?: false } = {}): ApiHarness {
    return perSuite(
      ApiHarness,
      async () => {
        const h = await ApiHarness.start(options);
        if (options.workspace === false) return h;
        return Object.assign(h, { ws: await h.workspace({ whatsapp: options.whatsapp }) });
      },
      (h) => h.stop(),
    );
  }

  private db?: Promise<Client>;

  /**
   * Queries the api's database directly, for what the API does not show (its tables are in the
   * schema `"<namespace>_api"`); connects on first use, disconnects on stop.
   */
  async sql<R = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
    this.db ??= (async () => {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      return client;
    })();
    return (await (await this.db).query(text, values)).rows as R[];
  }

  async stop(): Promise<void> {
    await (await this.db)?.end();
    await this.api.close();
    await this.nats.close();
  }

  /** Calls the api; a string body is sent as is (give its content-type), anything else as JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = any>(
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const json = body !== undefined && typeof body !== 'string';
    const res = await fetch(`${this.api.url}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : json ? JSON.stringify(body) : body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page)
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async ok<T = any>(
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const res = await this.call<T>(method, path, key, body, headers);
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A fresh workspace (through the operator routes) and a key for it. */
  async workspace(options: { whatsapp?: boolean } = {}): Promise<TestWorkspace> {
    const ws = await this.ok<{ id: string }>('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Sunrise Dental' });
    if (options.whatsapp) await this.ok('PUT', `/v1/workspaces/${ws.id}/features/whatsapp`, ADMIN_KEY);
    const created = await this.ok<{ id: string; key: string }>(
      'POST',
      `/v1/workspaces/${ws.id}/api-keys`,
      ADMIN_KEY,
    );
    return { id: ws.id, key: created.key, keyId: created.id };
  }

  /** A number on the workspace (through the operator routes), WhatsApp on; answers its id. */
  async phoneNumber(ws: TestWorkspace, number: string): Promise<string> {
    const path = `/v1/workspaces/${ws.id}/phone-numbers`;
    return (await this.ok<{ id: string }>('POST', path, ADMIN_KEY, { number, whatsappEnabled: true })).id;
  }
}
