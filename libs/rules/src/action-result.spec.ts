import { actionResultOf, followSend } from './action-result';

describe('actionResultOf', () => {
  it.each([
    ['pending', false, 'accepted'],
    ['queued', true, 'sent'],
    ['sending', true, 'sent'],
    ['sent', true, 'sent'],
    ['delivered', true, 'sent'],
    ['read', true, 'sent'],
    ['skipped', false, 'skipped'],
    ['failed', false, 'failed'],
    ['failed', true, 'undelivered'],
    ['undelivered', true, 'undelivered'],
  ] as const)('a %s send (handed to Twilio: %s) is %s in the run log', (status, handed, result) => {
    expect(actionResultOf(status, handed)).toBe(result);
  });
});

describe('followSend', () => {
  it.each([
    [null, 'pending', 'pending'],
    ['pending', 'queued', 'queued'],
    ['queued', 'pending', 'queued'],
    ['sent', 'undelivered', 'undelivered'],
    ['undelivered', 'sent', 'undelivered'],
    ['undelivered', 'delivered', 'delivered'],
    ['delivered', 'failed', 'delivered'],
  ] as const)('from %s, an update to %s leaves %s', (current, incoming, expected) => {
    expect(followSend(current, incoming)).toBe(expected);
  });
});
