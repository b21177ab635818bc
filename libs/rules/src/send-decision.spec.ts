import type { Channel } from './channels';
import { decideAddressSend, decideSend, type Recipient } from './send-decision';
import type { SendKind } from './send-kinds';

const OPTED_OUT = 'Member has opted out of messages (replied STOP).';
const member = (fields: Partial<Recipient> = {}): Recipient => ({
  optedOut: false,
  notifySms: true,
  notifyWhatsapp: false,
  ...fields,
});

describe('decideSend', () => {
  it('fails for an unknown member', () => {
    expect(decideSend(null, 'sms', 'reply')).toEqual({
      allowed: false,
      outcome: 'failed',
      reason: 'Member not found.',
      member: null,
    });
  });

  const cases: Array<[string, Partial<Recipient>, Channel, SendKind, true | [string]]> = [
    [
      'compliance goes to an opted-out member with SMS off',
      { optedOut: true, notifySms: false },
      'sms',
      'compliance',
      true,
    ],
    ['compliance goes on WhatsApp with the switch off', {}, 'whatsapp', 'compliance', true],
    ['a reply ignores the WhatsApp switch', { notifyWhatsapp: false }, 'whatsapp', 'reply', true],
    ['a reply ignores the SMS switch', { notifySms: false }, 'sms', 'reply', true],
    ['a reply stops at opt-out', { optedOut: true }, 'sms', 'reply', [OPTED_OUT]],
    ['a notice stops at opt-out', { optedOut: true }, 'sms', 'notice', [OPTED_OUT]],
    ['a notice ignores the switches', { notifySms: false }, 'sms', 'notice', true],
    [
      'a system send needs the WhatsApp switch',
      {},
      'whatsapp',
      'system',
      ['Member has WhatsApp notifications disabled.'],
    ],
    [
      'a system send needs the SMS switch',
      { notifySms: false },
      'sms',
      'system',
      ['Member has SMS notifications disabled.'],
    ],
    [
      'a system send names the switch of its own channel',
      { notifySms: false },
      'whatsapp',
      'system',
      ['Member has WhatsApp notifications disabled.'],
    ],
    [
      'a system send names the switch before the opt-out',
      { optedOut: true, notifyWhatsapp: false },
      'whatsapp',
      'system',
      ['Member has WhatsApp notifications disabled.'],
    ],
    [
      'a system send stops at opt-out',
      { notifyWhatsapp: true, optedOut: true },
      'whatsapp',
      'system',
      [OPTED_OUT],
    ],
    ['a system send goes with the switch on', { notifyWhatsapp: true }, 'whatsapp', 'system', true],
    ['a system SMS goes by default', {}, 'sms', 'system', true],
  ];
  it.each(cases)('%s', (_name, fields, channel, kind, expected) => {
    const m = member(fields);
    expect(decideSend(m, channel, kind)).toEqual(
      expected === true
        ? { allowed: true, member: m }
        : { allowed: false, outcome: 'skipped', reason: expected[0], member: m },
    );
  });
});

describe('decideAddressSend', () => {
  it.each([
    [false, 'system', true],
    [false, 'notice', true],
    [true, 'system', false],
    [true, 'reply', false],
    [true, 'notice', false],
    [true, 'compliance', true],
  ] as const)('an address opted out: %s, kind %s → allowed %s', (optedOut, kind, allowed) => {
    expect(decideAddressSend({ optedOut }, kind)).toEqual(
      allowed
        ? { allowed: true }
        : {
            allowed: false,
            outcome: 'skipped',
            reason: 'This phone number has opted out of messages (replied STOP).',
          },
    );
  });
});
