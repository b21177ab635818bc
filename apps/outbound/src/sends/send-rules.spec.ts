import type { PhoneNumber, WorkspaceSummary } from '@app/contracts';
import { checkSender, isNoticeToSender, isWindowOpen, needsWindow, REASONS, senderRate } from './send-rules';

const workspace = (features: Array<'whatsapp'> = ['whatsapp']): WorkspaceSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'W',
  features,
});
const number = (fields: Partial<PhoneNumber> = {}) =>
  ({
    smsEnabled: true,
    whatsappEnabled: true,
    archived: false,
    sendRatePerSecond: null,
    ...fields,
  }) as PhoneNumber;

describe('checkSender', () => {
  it('checks the workspace feature before the number', () => {
    expect(
      checkSender('whatsapp', { workspace: workspace([]), phoneNumber: number({ whatsappEnabled: false }) }),
    ).toEqual({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
  });

  it("fails when the number's WhatsApp is off, and says when it is archived", () => {
    expect(
      checkSender('whatsapp', { workspace: workspace(), phoneNumber: number({ whatsappEnabled: false }) }),
    ).toEqual({
      status: 'failed',
      reason: 'Phone number does not have WhatsApp enabled.',
    });
    expect(
      checkSender('whatsapp', { workspace: workspace(), phoneNumber: number({ archived: true }) }),
    ).toEqual({ status: 'failed', reason: REASONS.numberArchived });
    expect(
      checkSender('sms', { workspace: workspace(), phoneNumber: number({ smsEnabled: false }) }),
    ).toEqual({ status: 'failed', reason: REASONS.numberLacksSms });
  });

  it('lets SMS through without the WhatsApp feature', () => {
    expect(
      checkSender('sms', { workspace: workspace([]), phoneNumber: number({ whatsappEnabled: false }) }),
    ).toBeNull();
  });
});

describe('the 24-hour window', () => {
  const now = new Date('2025-01-02T12:00:00Z');
  it('is open for 24 hours after the last inbound message', () => {
    expect(isWindowOpen(new Date('2025-01-01T12:00:01Z'), now)).toBe(true);
    expect(isWindowOpen(new Date('2025-01-01T12:00:00Z'), now)).toBe(false);
    expect(isWindowOpen(null, now)).toBe(false);
  });

  it('applies to free-form WhatsApp only', () => {
    expect(needsWindow({ channel: 'whatsapp' })).toBe(true);
    expect(needsWindow({ channel: 'whatsapp', contentSid: 'HX0123456789abcdef0123456789abcdef' })).toBe(
      false,
    );
    expect(needsWindow({ channel: 'sms' })).toBe(false);
  });
});

it("uses the number's rate, else the channel default", () => {
  expect(senderRate({ sendRatePerSecond: 5 }, 'sms', { sms: 1, whatsapp: 80 })).toBe(5);
  expect(senderRate({ sendRatePerSecond: null }, 'whatsapp', { sms: 1, whatsapp: 80 })).toBe(80);
});

describe("routing's notice to a sender on a disabled channel", () => {
  it('is a reply to an address without a member', () => {
    expect(isNoticeToSender({ kind: 'reply', to: '+15550000001' })).toBe(true);
    expect(
      isNoticeToSender({
        kind: 'reply',
        to: '+15550000001',
        memberId: '00000000-0000-4000-8000-000000000001',
      }),
    ).toBe(false);
    expect(isNoticeToSender({ kind: 'system', to: '+15550000001' })).toBe(false);
  });
});
