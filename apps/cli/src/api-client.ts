import type { Login } from './settings';

/** An answer of the API that is not a success: its status and the API's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** From Retry-After (429, 503), in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later: rate limited, a service did not answer, or no answer at all. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 502;
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Tries for a transient failure (429, 502-504, network), waiting Retry-After or backing off. */
  attempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The REST API with the caller's key. */
export class ApiClient {
  constructor(readonly login: Login) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, { body, headers });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const attempts = options.attempts ?? 6;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, path, options);
      } catch (error) {
        if (!(error instanceof ApiError) || !error.transient || attempt >= attempts) throw error;
        // Retry-After when the API gives one, else 0.5 s doubling up to 10 s.
        await sleep(error.retryAfterMs ?? Math.min(10_000, 500 * 2 ** (attempt - 1)));
      }
    }
  }

  /** Opens a streaming GET (Server-Sent Events); the caller reads the body. */
  async stream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const res = await fetch(this.url(path), {
      headers: { ...this.auth(), accept: 'text/event-stream', ...headers },
      signal,
    });
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  private async once<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers: {
          ...this.auth(),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiError(
        0,
        `${this.login.apiUrl} did not answer (${cause?.code ?? cause?.message ?? String(error)})`,
      );
    }
    if (!res.ok) throw await errorOf(res);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private url(path: string): string {
    return `${this.login.apiUrl}${path}`;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.login.apiKey}` };
  }
}

/** The API answers errors as `{ statusCode, error, message }` (apps/api README). */
async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    if (text) message = `${message}: ${text.slice(0, 200)}`;
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new ApiError(
    res.status,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
  );
}
