import twilio from 'twilio';

/** Form parameters as Twilio signs them: repeated keys (MediaUrl) carry arrays. */
export type TwilioParams = Record<string, string | readonly string[]>;

/**
 * The `X-Twilio-Signature` Twilio sends with a webhook: base64 HMAC-SHA1, keyed by the auth token,
 * over the full URL followed by every POST parameter name and value, sorted by name.
 */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/**
 * Checks an `X-Twilio-Signature` header (constant-time). Like Twilio's own helper, it accepts the URL
 * with or without the default port. A missing or empty signature is never valid.
 */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  if (!signature || !authToken) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
