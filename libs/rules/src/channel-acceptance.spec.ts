import { channelClosure, checkSender, type ChannelSettings } from './channel-acceptance';
import type { Channel } from './channels';
import type { SendKind } from './send-kinds';

const on = { smsEnabled: true, whatsappEnabled: true, archived: false };

describe('channelClosure', () => {
  it.each([
    ['whatsapp', [], { smsEnabled: true, whatsappEnabled: true }, 'whatsapp_feature_off'],
    ['whatsapp', ['whatsapp'], { smsEnabled: true, whatsappEnabled: false }, 'whatsapp_disabled'],
    ['whatsapp', ['whatsapp'], { smsEnabled: false, whatsappEnabled: true }, null],
    ['sms', [], { smsEnabled: true, whatsappEnabled: false }, null],
    ['sms', ['whatsapp'], { smsEnabled: false, whatsappEnabled: true }, 'sms_disabled'],
  ] as const)('%s with features %j and %j → %s', (channel, features, number, expected) => {
    expect(channelClosure(channel, { features }, number)).toBe(expected);
  });
});

describe('checkSender', () => {
  const cases: Array<
    [string, Channel, string[], Partial<ChannelSettings['phoneNumber']>, SendKind, unknown]
  > = [
    [
      'skips without the workspace feature before looking at the number',
      'whatsapp',
      [],
      { whatsappEnabled: false },
      'system',
      { status: 'skipped', reason: 'Workspace does not have WhatsApp feature enabled.' },
    ],
    [
      "fails when the number's WhatsApp is off",
      'whatsapp',
      ['whatsapp'],
      { whatsappEnabled: false },
      'system',
      { status: 'failed', reason: 'Phone number does not have WhatsApp enabled.' },
    ],
    [
      'fails on an archived number',
      'whatsapp',
      ['whatsapp'],
      { archived: true },
      'reply',
      { status: 'failed', reason: 'Phone number is archived: restore it or send from another number.' },
    ],
    [
      'fails on an archived number, whatever the channel',
      'sms',
      [],
      { archived: true },
      'system',
      { status: 'failed', reason: 'Phone number is archived: restore it or send from another number.' },
    ],
    [
      "fails when the number's SMS is off",
      'sms',
      ['whatsapp'],
      { smsEnabled: false },
      'system',
      { status: 'failed', reason: 'Phone number does not have SMS enabled.' },
    ],
    ['lets SMS through without the WhatsApp feature', 'sms', [], { whatsappEnabled: false }, 'system', null],
    ['lets a reply through on an open channel', 'whatsapp', ['whatsapp'], {}, 'reply', null],
    [
      'lets a notice back on a closed channel (it answers a message that came in on it)',
      'sms',
      [],
      { smsEnabled: false, whatsappEnabled: false },
      'notice',
      null,
    ],
    [
      'lets a notice back without the WhatsApp feature',
      'whatsapp',
      [],
      { whatsappEnabled: false },
      'notice',
      null,
    ],
    [
      'keeps an archived number silent, notices too',
      'sms',
      [],
      { archived: true },
      'notice',
      { status: 'failed', reason: 'Phone number is archived: restore it or send from another number.' },
    ],
  ];
  it.each(cases)('%s', (_name, channel, features, number, kind, expected) => {
    expect(
      checkSender(channel, { workspace: { features }, phoneNumber: { ...on, ...number } }, kind),
    ).toEqual(expected);
  });
});
