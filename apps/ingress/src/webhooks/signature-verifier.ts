import { timingSafeEqual } from 'node:crypto';
import { computeTwilioSignature, isValidTwilioSignature, type TwilioParams } from '@app/twilio';

/**
 * Checks `X-Twilio-Signature`. The URL exactly as we rebuilt it matches almost always, so that
 * one HMAC is tried first; only on a mismatch do we pay for Twilio's variants (with and without
 * the default port, legacy query encoding).
 */
export function verifyTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: TwilioParams,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(computeTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
  return isValidTwilioSignature(authToken, signature, url, params);
}
