import { isWindowOpen, needsWindow, windowExpiresAt } from './window';

const now = new Date('2025-01-02T12:00:00Z');
const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

describe('the 24-hour window', () => {
  it.each([
    ['2025-01-01T12:00:01Z', true],
    ['2025-01-02T11:59:59Z', true],
    ['2025-01-01T12:00:00Z', false],
    ['2024-12-31T12:00:00Z', false],
    [null, false],
  ] as const)('after a last inbound message at %s is open: %s', (last, open) => {
    expect(isWindowOpen(last === null ? null : new Date(last), now)).toBe(open);
  });

  it('expires 24 hours after the last inbound message', () => {
    expect(windowExpiresAt(new Date('2025-01-01T12:00:00Z')).toISOString()).toBe('2025-01-02T12:00:00.000Z');
  });

  it.each([
    [{ channel: 'whatsapp', kind: 'system' }, true],
    [{ channel: 'whatsapp', kind: 'reply' }, true],
    [{ channel: 'whatsapp', kind: 'compliance' }, true],
    [{ channel: 'whatsapp', kind: 'system', contentSid: TEMPLATE }, false],
    [{ channel: 'whatsapp', kind: 'notice' }, false],
    [{ channel: 'sms', kind: 'system' }, false],
  ] as const)('applies to %j: %s', (send, expected) => {
    expect(needsWindow(send)).toBe(expected);
  });
});
