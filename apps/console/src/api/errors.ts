/** A non-2xx answer of the API: `{ statusCode, error, message }` as every route answers it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route itself does not exist on this server (an older api): the page says so. */
  get endpointMissing(): boolean {
    return this.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(this.message);
  }
}

export async function toApiError(response: Response, body?: unknown): Promise<ApiError> {
  let payload = body;
  if (payload === undefined) {
    const text = await response.text().catch(() => '');
    try {
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = text;
    }
  }
  const message =
    typeof payload === 'object' && payload && typeof (payload as { message?: unknown }).message === 'string'
      ? (payload as { message: string }).message
      : `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** A message for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError)
    return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Field errors from the API's 400 message: `Invalid body: phone: must be E.164; email: Invalid
 * email` gives `{ phone: 'must be E.164', email: 'Invalid email' }`, so a form shows each at its
 * field. Unknown paths stay in `rest`.
 */
export function fieldErrorsOf(
  error: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string | null } {
  if (!(error instanceof ApiError)) return { byField: {}, rest: describeError(error) };
  const text = error.message.replace(/^Invalid (body|query|path): /, '');
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of text.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
    const field = match && fields.find((f) => match[1] === f || match[1].startsWith(`${f}.`));
    if (match && field) byField[match[1]] = match[2];
    else rest.push(part);
  }
  // A rule the service enforces names its field in words: "WhatsApp ..." belongs to the switch.
  return { byField, rest: rest.length ? rest.join('; ') : null };
}
