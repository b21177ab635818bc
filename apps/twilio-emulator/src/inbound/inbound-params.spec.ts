import { buildInboundParams } from './inbound-params';

const account = 'AC' + '0'.repeat(32);
const sid = 'SM' + '1'.repeat(32);

describe('buildInboundParams', () => {
  it('builds an inbound SMS as Twilio posts it', () => {
    const params = buildInboundParams(
      { channel: 'sms', fromPhone: '+14155550100', toPhone: '+14155550199', body: 'Hello', media: [] },
      account,
      sid,
    );
    expect(params).toEqual({
      ToCountry: 'US',
      ToState: '',
      ToCity: '',
      ToZip: '',
      FromCountry: 'US',
      FromState: '',
      FromCity: '',
      FromZip: '',
      SmsMessageSid: sid,
      NumMedia: '0',
      SmsSid: sid,
      SmsStatus: 'received',
      Body: 'Hello',
      To: '+14155550199',
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: account,
      From: '+14155550100',
      ApiVersion: '2010-04-01',
    });
  });

  it('builds an inbound WhatsApp message with prefixes, WaId, profile name and media', () => {
    const params = buildInboundParams(
      {
        channel: 'whatsapp',
        fromPhone: '+447700900123',
        toPhone: '+14155550199',
        body: '',
        media: [{ url: 'https://media.example/1.jpg', contentType: 'image/jpeg' }],
        profileName: 'Ada',
      },
      account,
      sid,
    );
    expect(params).toMatchObject({
      From: 'whatsapp:+447700900123',
      To: 'whatsapp:+14155550199',
      WaId: '447700900123',
      ProfileName: 'Ada',
      MessageType: 'image',
      NumMedia: '1',
      MediaUrl0: 'https://media.example/1.jpg',
      MediaContentType0: 'image/jpeg',
      NumSegments: '1',
      SmsStatus: 'received',
    });
    expect(params.ToCountry).toBeUndefined();
  });

  it('counts SMS segments of a long body', () => {
    const params = buildInboundParams(
      {
        channel: 'sms',
        fromPhone: '+14155550100',
        toPhone: '+14155550199',
        body: 'x'.repeat(200),
        media: [],
      },
      account,
      sid,
    );
    expect(params.NumSegments).toBe('2');
  });
});
