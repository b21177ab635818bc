import { createHmac } from 'node:crypto';
// The webhooks module alone: the package's index loads the whole REST client.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';

/** Form parameters as Twilio signs them: repeated keys (MediaUrl) carry arrays. */
export type TwilioParams = Record<string, string | readonly string[]>;

/**
 * The `X-Twilio-Signature` Twilio sends with a webhook: base64 HMAC-SHA1, keyed by the auth token,
 * over the full URL followed by every POST parameter name and value, sorted by name (a repeated
 * name once per distinct value, sorted). Twilio's `getExpectedTwilioSignature`, without its copy
 * of the data into a Buffer: this runs on every webhook.
 */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (typeof value === 'string') data += key + value;
    else for (const v of [...new Set(value)].sort()) data += key + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
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
  return validateRequest(authToken, signature, url, params);
}
