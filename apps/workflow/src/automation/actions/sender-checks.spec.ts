import { randomUUID } from 'node:crypto';
import type { PhoneNumber } from '@app/contracts';
import { fromSendResult } from './action-outcome';
import { senderRefusal } from './sender-checks';

const number = (fields: Partial<PhoneNumber>) =>
  ({ smsEnabled: true, whatsappEnabled: true, archived: false, ...fields }) as PhoneNumber;
const workspace = (features: Array<'whatsapp'>) => ({ id: randomUUID(), name: 'Acme', features });

describe('senderRefusal', () => {
  it('skips without the workspace feature before looking at the number', () => {
    expect(
      senderRefusal('whatsapp', {
        workspace: workspace([]),
        phoneNumber: number({ whatsappEnabled: false }),
      }),
    ).toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
  });

  it('fails on a number without the channel, or archived', () => {
    expect(
      senderRefusal('whatsapp', {
        workspace: workspace(['whatsapp']),
        phoneNumber: number({ whatsappEnabled: false }),
      }),
    ).toMatchObject({
      status: 'failed',
      reason: 'Phone number does not have WhatsApp enabled.',
    });
    expect(
      senderRefusal('sms', { workspace: workspace([]), phoneNumber: number({ archived: true }) }),
    ).toMatchObject({ status: 'failed' });
    expect(senderRefusal('sms', { workspace: workspace([]), phoneNumber: number({}) })).toBeNull();
  });
});

describe('fromSendResult', () => {
  it('says accepted until the send reached Twilio, sent after, and keeps its refusals', () => {
    const id = randomUUID();
    expect(fromSendResult({ id, status: 'pending', reason: null })).toEqual({
      status: 'accepted',
      reason: null,
      sendId: id,
      chatId: null,
      sendStatus: 'pending',
      errorCode: null,
    });
    expect(fromSendResult({ id, status: 'queued', reason: null }).status).toBe('sent');
    expect(
      fromSendResult({ id, status: 'skipped', reason: 'Member has WhatsApp notifications disabled.' }),
    ).toMatchObject({ status: 'skipped', reason: 'Member has WhatsApp notifications disabled.' });
    expect(fromSendResult({ id, status: 'failed', reason: 'x' }).status).toBe('failed');
  });
});
