import { fromTwilioStatus } from './send-status';

describe("Twilio's statuses as ours", () => {
  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['sending', 'sending'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
    ['received', null],
  ] as const)('%s → %s', (twilio, ours) => {
    expect(fromTwilioStatus(twilio)).toBe(ours);
  });
});
