import type { EmulatedMessage } from '../messages/message.model';
import { buildStatusCallbackParams, planStatusSteps } from './status-plan';

const sid = 'SM' + 'f'.repeat(32);
const base: EmulatedMessage = {
  sid,
  accountSid: 'AC' + '0'.repeat(32),
  channel: 'sms',
  to: '+15550000001',
  from: '+15550000100',
  toPhone: '+15550000001',
  fromPhone: '+15550000100',
  body: 'hi',
  contentSid: null,
  contentVariables: null,
  content: null,
  mediaUrls: [],
  statusCallback: 'http://app/status',
  messagingServiceSid: null,
  numSegments: 1,
  status: 'queued',
  errorCode: null,
  errorMessage: null,
  createdAt: 0,
  updatedAt: 0,
  sentAt: null,
  history: [],
  callbacks: [],
  outcome: { status: 'delivered' },
};

describe('planStatusSteps', () => {
  it('plans sent then delivered, failed alone, sent then undelivered', () => {
    expect(planStatusSteps({ status: 'delivered' }).map((s) => s.status)).toEqual(['sent', 'delivered']);
    expect(planStatusSteps({ status: 'failed', errorCode: 63016, errorMessage: 'x' })).toEqual([
      { status: 'failed', errorCode: 63016, errorMessage: 'x' },
    ]);
    expect(
      planStatusSteps({ status: 'undelivered', errorCode: 30003, errorMessage: 'y' }).map((s) => s.status),
    ).toEqual(['sent', 'undelivered']);
  });
});

describe('buildStatusCallbackParams', () => {
  it('carries the SMS fields Twilio posts, with a delivery receipt date when delivered', () => {
    expect(buildStatusCallbackParams(base, { status: 'delivered' }, Date.UTC(2024, 3, 14, 12, 0))).toEqual({
      ApiVersion: '2010-04-01',
      AccountSid: base.accountSid,
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      To: '+15550000001',
      From: '+15550000100',
      RawDlrDoneDate: '2404141200',
    });
  });

  it('marks WhatsApp callbacks with the channel prefix and carries error codes', () => {
    const whatsapp = {
      ...base,
      channel: 'whatsapp' as const,
      to: 'whatsapp:+15550000001',
      from: 'whatsapp:+15550000100',
    };
    const params = buildStatusCallbackParams(
      whatsapp,
      { status: 'failed', errorCode: 63016, errorMessage: 'outside' },
      0,
    );
    expect(params).toMatchObject({
      To: 'whatsapp:+15550000001',
      From: 'whatsapp:+15550000100',
      ChannelPrefix: 'whatsapp',
      ChannelToAddress: '+15550000001',
      MessageStatus: 'failed',
      ErrorCode: '63016',
      ErrorMessage: 'outside',
    });
    expect(params.RawDlrDoneDate).toBeUndefined();
  });
});
