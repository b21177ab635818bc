import { senderRate } from './sender-rate';

it.each([
  [5, 'sms', 5],
  [null, 'sms', 1],
  [null, 'whatsapp', 80],
] as const)("uses the number's rate (%s), else the %s default", (own, channel, expected) => {
  expect(senderRate({ sendRatePerSecond: own }, channel, { sms: 1, whatsapp: 80 })).toBe(expected);
});
