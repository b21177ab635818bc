import { Agent as HttpAgent } from 'node:http';
import type twilio from 'twilio';
import { Agent, request, type Dispatcher } from 'undici';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where every REST call goes instead of Twilio (`http://127.0.0.1:3999` for the emulator, or any
   * Twilio-compatible server). Unset: the real Twilio API.
   */
  apiBaseUrl?: string;
  /** Request timeout in ms (Twilio's default is 30 s). */
  timeoutMs?: number;
  /** Most sockets kept open per host (default 64). */
  maxSockets?: number;
  /** Let the client retry 429 answers itself with backoff (default false: callers own retries). */
  autoRetry?: boolean;
}

export type TwilioClient = twilio.Twilio;

const DEFAULT_MAX_SOCKETS = 64;

/**
 * The SDK is loaded on first use: most services only use this library's addresses, error codes and
 * signatures, and its REST client (with axios) is ~25 MB resident they would carry idle.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = (): typeof twilio => require('twilio') as typeof twilio;

/**
 * The official `twilio` client (it builds each request and reads each answer), with its HTTP
 * calls made by undici on kept-alive connections, and sent to `apiBaseUrl` when given. The SDK's
 * own HTTP client (axios) cost outbound about 1 ms of CPU per call; it is still used behind a
 * proxy (HTTP_PROXY) or a custom CA bundle (TWILIO_CA_BUNDLE), which it reads from the environment.
 */
export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const clientOptions: RequestClient.RequestClientOptions = {
    keepAlive: true,
    timeout: options.timeoutMs,
    maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
    maxTotalSockets: Math.max(options.maxSockets ?? DEFAULT_MAX_SOCKETS, 100),
    maxFreeSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
    autoRetry: options.autoRetry ?? false,
  };
  const sdkHttpNeeded =
    process.env.HTTP_PROXY !== undefined || process.env.TWILIO_CA_BUNDLE !== undefined || options.autoRetry;
  const httpClient = !sdkHttpNeeded
    ? (new UndiciRequestClient(options) as unknown as RequestClient)
    : options.apiBaseUrl
      ? rebasingRequestClient(options.apiBaseUrl, clientOptions)
      : new (sdk().RequestClient)(clientOptions);
  return sdk()(options.accountSid, options.authToken, {
    httpClient,
    autoRetry: options.autoRetry ?? false,
  });
}

/** Twilio's default request timeout. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The SDK's `RequestClient.request` over undici: the same auth, form (arrays repeated) or JSON
 * body, query and timeout; the answer's body is handed over as text, which the SDK parses.
 */
export class UndiciRequestClient {
  private readonly dispatcher: Agent;
  private readonly base: URL | null;
  private readonly timeoutMs: number;

  constructor(options: Pick<TwilioClientOptions, 'apiBaseUrl' | 'timeoutMs' | 'maxSockets'>) {
    this.base = options.apiBaseUrl ? parseBaseUrl(options.apiBaseUrl) : null;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.dispatcher = new Agent({
      connections: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
      connect: { timeout: this.timeoutMs },
    });
  }

  async request(opts: RequestClient.RequestOptions): Promise<Response<string>> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(opts.headers ?? {}))
      if (value !== undefined && name.toLowerCase() !== 'connection') headers[name] = String(value);
    if (opts.username && opts.password)
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    else if (opts.authStrategy) headers.Authorization = await opts.authStrategy.getAuthString();
    let url = this.base ? rebaseTwilioUrl(opts.uri, this.base) : opts.uri;
    if (opts.params) {
      const query = formEncode(opts.params);
      if (query) url += `${url.includes('?') ? '&' : '?'}${query}`;
    }
    const type = headers['Content-Type'];
    const body =
      opts.data === undefined || opts.data === null
        ? undefined
        : type === 'application/x-www-form-urlencoded'
          ? formEncode(opts.data as object)
          : type === 'application/json'
            ? JSON.stringify(opts.data)
            : undefined;
    const answer = await request(url, {
      method: opts.method.toUpperCase() as Dispatcher.HttpMethod,
      headers,
      body,
      dispatcher: this.dispatcher,
      headersTimeout: opts.timeout ?? this.timeoutMs,
      bodyTimeout: opts.timeout ?? this.timeoutMs,
      maxRedirections: opts.allowRedirects ? 10 : 0,
    });
    return {
      statusCode: answer.statusCode,
      body: await answer.body.text(),
      headers: answer.headers,
    };
  }
}

/** Twilio's form encoding (the SDK's `qs` with arrayFormat `repeat`): `MediaUrl=a&MediaUrl=b`. */
function formEncode(data: object): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value])
      form.append(name, item instanceof Date ? item.toISOString() : item === null ? '' : String(item));
  }
  return form.toString();
}

let Rebasing: ReturnType<typeof rebasingClass> | undefined;

/** A `RequestClient` that sends requests for any Twilio domain to another origin. */
export function rebasingRequestClient(
  apiBaseUrl: string,
  options: RequestClient.RequestClientOptions = {},
): RequestClient {
  Rebasing ??= rebasingClass();
  return new Rebasing(apiBaseUrl, options);
}

const rebasingClass = () =>
  class RebasingRequestClient extends sdk().RequestClient {
    private readonly base: URL;

    constructor(apiBaseUrl: string, options: RequestClient.RequestClientOptions = {}) {
      super(options);
      this.base = parseBaseUrl(apiBaseUrl);
      // The parent only configures an https agent; plain-http targets (the emulator) need their own.
      this.axios.defaults.httpAgent = new HttpAgent({
        keepAlive: options.keepAlive !== false,
        maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
        maxFreeSockets: options.maxFreeSockets ?? options.maxSockets ?? DEFAULT_MAX_SOCKETS,
        timeout: options.timeout,
      });
    }

    override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
      return super.request({ ...opts, uri: rebaseTwilioUrl(opts.uri, this.base) });
    }
  };

/**
 * Moves a Twilio URL (`https://api.twilio.com/2010-04-01/...`, or any `*.twilio.com` host) onto
 * `base`, keeping its path (after the base's own path, if any) and query. Other URLs are unchanged.
 */
export function rebaseTwilioUrl(uri: string, base: string | URL): string {
  const target = new URL(uri);
  if (!isTwilioHost(target.hostname)) return uri;
  const origin = typeof base === 'string' ? parseBaseUrl(base) : base;
  const prefix = origin.pathname.replace(/\/+$/, '');
  const rebased = new URL(origin.href);
  rebased.pathname = `${prefix}${target.pathname}`;
  rebased.search = target.search;
  return rebased.href;
}

function isTwilioHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'twilio.com' || host.endsWith('.twilio.com');
}

function parseBaseUrl(apiBaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    throw new Error(`Invalid Twilio API base URL: ${JSON.stringify(apiBaseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Invalid Twilio API base URL (http or https only): ${JSON.stringify(apiBaseUrl)}`);
  }
  url.search = '';
  url.hash = '';
  return url;
}
