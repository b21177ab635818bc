/** What came back from a media URL: its bytes and type, or why it could not be had. */
export type FetchedMedia =
  | { ok: true; bytes: Buffer; contentType: string }
  | { ok: false; code: 'too_large' | 'download_failed'; reason: string };

export interface FetchMediaOptions {
  /** Twilio's account SID and auth token: Twilio can require HTTP Basic on media URLs. */
  credentials?: { username: string; password: string };
  /** Bytes past this stop the download (the rule's limit for the channel and type). */
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Downloads a file a member sent, following Twilio's redirect to its media host, and stops as
 * soon as it passes `maxBytes` (a declared Content-Length past it is refused before reading).
 */
export async function fetchMedia(url: string, options: FetchMediaOptions): Promise<FetchedMedia> {
  const headers: Record<string, string> = {};
  if (options.credentials) {
    const { username, password } = options.credentials;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    return {
      ok: false,
      code: 'download_failed',
      reason: `the file could not be downloaded (${describe(error)})`,
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return {
      ok: false,
      code: 'download_failed',
      reason: `the file could not be downloaded (HTTP ${response.status})`,
    };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    return tooLarge(declared, options.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      const bytes = read.value as Uint8Array;
      size += bytes.length;
      if (size > options.maxBytes) {
        await reader?.cancel();
        return tooLarge(size, options.maxBytes);
      }
      chunks.push(Buffer.from(bytes));
    }
  } catch (error) {
    return { ok: false, code: 'download_failed', reason: `the download broke off (${describe(error)})` };
  }
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream')
    .split(';')[0]
    .trim();
  return { ok: true, bytes: Buffer.concat(chunks), contentType };
}

const tooLarge = (bytes: number, max: number): FetchedMedia => ({
  ok: false,
  code: 'too_large',
  reason: `the file is over the ${(max / 1024 / 1024).toFixed(0)} MB limit (${bytes > max ? 'at least ' : ''}${(bytes / 1024 / 1024).toFixed(1)} MB)`,
});

const describe = (error: unknown) =>
  error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
