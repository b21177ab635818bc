import { toInboundMessage } from './inbound-message.mapper';
import { publicUrl } from './public-url';
import { toDeliveryStatus } from './status-callback.mapper';
import { TwilioAccounts } from './twilio-accounts';
import { verifyTwilioSignature } from './signature-verifier';
import { computeTwilioSignature } from '@app/twilio';
import { DeliveryStatusReceived, InboundMessageReceived } from '@app/contracts';

const AT = '2026-01-01T00:00:00.000Z';
const AC = `AC${'a'.repeat(32)}`;

describe('toInboundMessage', () => {
  const base = {
    MessageSid: 'SM1',
    From: 'whatsapp:+15551230001',
    To: 'whatsapp:+15557650001',
    Body: ' hi ',
    AccountSid: AC,
  };

  it('keeps addresses as Twilio sent them, the body untouched, and every parameter', () => {
    const mapped = toInboundMessage({ ...base, ProfileName: '' }, AC, AT);
    expect(mapped).toEqual({
      ok: true,
      event: {
        accountSid: AC,
        messageSid: 'SM1',
        from: base.From,
        to: base.To,
        body: ' hi ',
        media: [],
        profileName: null,
        receivedAt: AT,
        params: { ...base, ProfileName: '' },
      },
    });
  });

  it('builds events that satisfy the contract (the publisher does not re-validate them)', () => {
    const mapped = toInboundMessage(
      { ...base, NumMedia: '1', MediaUrl0: 'u0', MediaContentType0: 'image/png', ProfileName: 'Alex' },
      AC,
      AT,
    );
    expect(mapped.ok && InboundMessageReceived.schema.parse(mapped.event)).toEqual(mapped.ok && mapped.event);
    const status = toDeliveryStatus(
      { MessageSid: 'SM1', MessageStatus: 'read', ErrorCode: '' },
      AC,
      'send-1',
      AT,
    );
    expect(status.ok && DeliveryStatusReceived.schema.parse(status.event)).toEqual(status.ok && status.event);
  });

  it('maps NumMedia/MediaUrlN/MediaContentTypeN to media, in order', () => {
    const mapped = toInboundMessage(
      {
        ...base,
        NumMedia: '2',
        MediaUrl0: 'u0',
        MediaContentType0: 'image/png',
        MediaUrl1: 'u1',
        MediaContentType1: 'audio/ogg',
      },
      AC,
      AT,
    );
    expect(mapped.ok && mapped.event.media).toEqual([
      { url: 'u0', contentType: 'image/png' },
      { url: 'u1', contentType: 'audio/ogg' },
    ]);
  });

  it('refuses missing identifiers and inconsistent media, naming what is wrong', () => {
    expect(toInboundMessage({ Body: 'x' }, AC, AT)).toEqual({
      ok: false,
      message: 'Missing webhook parameter(s): MessageSid, From, To.',
    });
    expect(toInboundMessage({ ...base, To: '  ' }, AC, AT)).toEqual({
      ok: false,
      message: 'Missing webhook parameter(s): To.',
    });
    expect(toInboundMessage({ ...base, NumMedia: '1' }, AC, AT).ok).toBe(false);
    expect(toInboundMessage({ ...base, NumMedia: 'lots' }, AC, AT).ok).toBe(false);
    expect(toInboundMessage({ ...base, NumMedia: '11' }, AC, AT).ok).toBe(false);
  });

  it('takes the first value of a repeated parameter', () => {
    const mapped = toInboundMessage({ ...base, Body: ['first', 'second'] }, AC, AT);
    expect(mapped.ok && [mapped.event.body, mapped.event.params.Body]).toEqual(['first', 'first']);
  });
});

describe('toDeliveryStatus', () => {
  it('maps status, error and the sendId; empty error fields are null', () => {
    const mapped = toDeliveryStatus(
      {
        MessageSid: 'SM1',
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
        ErrorMessage: '',
        From: 'a',
        To: 'b',
      },
      AC,
      'send-1',
      AT,
    );
    expect(mapped.ok && mapped.event).toMatchObject({
      status: 'undelivered',
      errorCode: '30003',
      errorMessage: null,
      sendId: 'send-1',
    });
    const noSend = toDeliveryStatus({ MessageSid: 'SM1', SmsStatus: 'sent' }, AC, undefined, AT);
    expect(noSend.ok && noSend.event).toMatchObject({
      status: 'sent',
      sendId: null,
      errorCode: null,
      from: '',
      to: '',
    });
  });

  it('refuses an unknown or missing status', () => {
    expect(toDeliveryStatus({ MessageSid: 'SM1', MessageStatus: 'lost' }, AC, undefined, AT)).toEqual({
      ok: false,
      message: 'Unknown MessageStatus "lost".',
    });
    expect(toDeliveryStatus({ MessageSid: 'SM1' }, AC, undefined, AT).ok).toBe(false);
  });
});

describe('TwilioAccounts', () => {
  it('knows the main account and the extras, and nothing else', () => {
    const extra = `AC${'b'.repeat(32)}`;
    const accounts = TwilioAccounts.fromConfig({
      TWILIO_ACCOUNT_SID: AC,
      TWILIO_AUTH_TOKEN: 't1',
      TWILIO_EXTRA_ACCOUNTS: ` ${extra}:t:2 ,`,
    });
    expect(accounts.size).toBe(2);
    expect(accounts.tokenFor(AC)).toBe('t1');
    expect(accounts.tokenFor(extra)).toBe('t:2');
    expect(accounts.tokenFor(`AC${'c'.repeat(32)}`)).toBeUndefined();
    expect(accounts.tokenFor(undefined)).toBeUndefined();
  });
});

describe('publicUrl and verifyTwilioSignature', () => {
  it('uses PUBLIC_BASE_URL + path + query when set, else the request scheme and host', () => {
    const request = { url: '/twilio/status?sendId=1', protocol: 'http', host: '10.0.0.5:3000' };
    expect(publicUrl('https://hooks.example.com/edge', request)).toBe(
      'https://hooks.example.com/edge/twilio/status?sendId=1',
    );
    expect(publicUrl(undefined, request)).toBe('http://10.0.0.5:3000/twilio/status?sendId=1');
  });

  it('accepts the exact URL and its default-port variant, and nothing tampered', () => {
    const params = { MessageSid: 'SM1', Body: 'hi' };
    const signature = computeTwilioSignature('tok', 'https://h.example/twilio/messaging', params);
    expect(verifyTwilioSignature('tok', signature, 'https://h.example/twilio/messaging', params)).toBe(true);
    expect(verifyTwilioSignature('tok', signature, 'https://h.example:443/twilio/messaging', params)).toBe(
      true,
    );
    expect(
      verifyTwilioSignature('tok', signature, 'https://h.example/twilio/messaging', {
        ...params,
        Body: 'hi!',
      }),
    ).toBe(false);
    expect(verifyTwilioSignature('other', signature, 'https://h.example/twilio/messaging', params)).toBe(
      false,
    );
    expect(verifyTwilioSignature('tok', '', 'https://h.example/twilio/messaging', params)).toBe(false);
  });
});

describe('storableText', () => {
  it('drops NUL characters, which Postgres text cannot hold, and keeps everything else', () => {
    const { storableText } =
      jest.requireActual<typeof import('./inbound-message.mapper')>('./inbound-message.mapper');
    expect(storableText('a\u0000b\u0000')).toBe('ab');
    expect(storableText('emoji 🎉 and RTL \u202e text')).toBe('emoji 🎉 and RTL \u202e text');
  });
});
