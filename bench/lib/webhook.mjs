// Signed, WhatsApp-shaped Twilio messaging webhooks (16 parameters, ~500 bytes), each with its
// own MessageSid. The signature is Twilio's: base64 HMAC-SHA1 over the URL followed by every
// parameter name and value, sorted by name.
import { createHmac, randomBytes } from 'node:crypto';

export const ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const AUTH_TOKEN = 'dev-auth-token-0123456789abcdef00';

/** A Twilio-like SID: prefix + 32 hex characters, unique per (run, worker, counter). */
export function sidFactory(prefix = 'SM') {
  const run = randomBytes(8).toString('hex'); // 16 hex
  let n = 0;
  return () => `${prefix}${run}${(n++).toString(16).padStart(16, '0')}`;
}

export function whatsappParams({
  messageSid,
  from,
  to,
  body,
  accountSid = ACCOUNT_SID,
  profileName = 'Alex Bench',
}) {
  const waId = from.replace(/^\+/, '');
  return {
    SmsMessageSid: messageSid,
    NumMedia: '0',
    ProfileName: profileName,
    MessageType: 'text',
    SmsSid: messageSid,
    WaId: waId,
    SmsStatus: 'received',
    Body: body,
    To: `whatsapp:${to}`,
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: messageSid,
    AccountSid: accountSid,
    From: `whatsapp:${from}`,
    ApiVersion: '2010-04-01',
    ChannelMetadata: JSON.stringify({
      type: 'whatsapp',
      data: { context: { ProfileName: profileName, WaId: waId } },
    }),
  };
}

export function sign(authToken, url, params) {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function formEncode(params) {
  return new URLSearchParams(params).toString();
}

/** { body, headers } of one signed webhook POST to `url`. */
export function signedWebhook(url, fields, authToken = AUTH_TOKEN) {
  const params = whatsappParams(fields);
  return {
    body: formEncode(params),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': sign(authToken, url, params),
    },
  };
}
