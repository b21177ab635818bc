import { Agent as HttpAgent } from 'node:http';
import type twilio from 'twilio';
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
 * The official `twilio` client, with keep-alive on, and every call sent to `apiBaseUrl` when given.
 * The rewrite lives in the HTTP client (a `RequestClient` subclass): the library itself is untouched.
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
  const httpClient = options.apiBaseUrl
    ? rebasingRequestClient(options.apiBaseUrl, clientOptions)
    : new (sdk().RequestClient)(clientOptions);
  return sdk()(options.accountSid, options.authToken, {
    httpClient,
    autoRetry: options.autoRetry ?? false,
  });
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
