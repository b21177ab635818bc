import { canMoveTo, nextStatus, statusesBefore, type MessageStatus, type SendStatus } from './status';

const FORWARD: SendStatus[] = ['pending', 'queued', 'sending', 'sent', 'delivered', 'read'];
const FAILURES: SendStatus[] = ['undelivered', 'failed'];
const pairs = (from: SendStatus[], to: SendStatus[]) => from.flatMap((f) => to.map((t) => [f, t]));

describe('canMoveTo', () => {
  it.each([
    ['pending', 'queued', true],
    ['queued', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'read', true],
    ['sent', 'undelivered', true],
    ['queued', 'failed', true],
    ['pending', 'skipped', true],
    ['delivered', 'sent', false],
    ['delivered', 'queued', false],
    ['sent', 'sent', false],
    ['delivered', 'failed', false],
    ['failed', 'sent', false],
    ['skipped', 'queued', false],
    ['read', 'delivered', false],
    ['delivered', 'skipped', false],
    // A late delivery wins over a failure (WhatsApp reports those).
    ['failed', 'delivered', true],
    ['undelivered', 'read', true],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });
});

describe('statusesBefore', () => {
  it.each([
    ['delivered', ['failed', 'pending', 'queued', 'sending', 'sent', 'undelivered']],
    ['skipped', ['pending', 'queued', 'sending', 'sent']],
    ['pending', []],
  ] as const)('lists what %s may replace', (next, expected) => {
    expect(statusesBefore(next).sort()).toEqual([...expected]);
  });
});

describe('nextStatus', () => {
  it.each(FORWARD.flatMap((from, i) => FORWARD.slice(i + 1).map((to) => [from, to])))(
    'moves forward from %s to %s',
    (from, to) => {
      expect(nextStatus(from, to)).toBe(to);
    },
  );

  it.each(FORWARD.flatMap((from, i) => FORWARD.slice(0, i).map((to) => [from, to])))(
    'stays at %s when a late %s arrives',
    (from, to) => {
      expect(nextStatus(from, to)).toBe(from);
    },
  );

  it('keeps delivered when a late sent arrives, and moves to read', () => {
    let status: MessageStatus = 'queued';
    for (const s of ['sent', 'delivered', 'sent', 'queued'] as const) status = nextStatus(status, s);
    expect(status).toBe('delivered');
    expect(nextStatus(status, 'read')).toBe('read');
  });

  it.each(pairs(['pending', 'queued', 'sending', 'sent'], FAILURES))('records %s → %s', (from, failure) => {
    expect(nextStatus(from, failure)).toBe(failure);
  });

  it.each(pairs(['delivered', 'read'], FAILURES))('stays at %s when %s arrives', (from, failure) => {
    expect(nextStatus(from, failure)).toBe(from);
  });

  it.each(pairs(FAILURES, ['delivered', 'read']))(
    'lets %s give way to %s (WhatsApp reports these)',
    (failure, later) => {
      expect(nextStatus(failure, later)).toBe(later);
    },
  );

  it.each(pairs(FAILURES, ['pending', 'queued', 'sending', 'sent']))(
    'does not move %s back to %s',
    (failure, late) => {
      expect(nextStatus(failure, late)).toBe(failure);
    },
  );

  it.each([
    ['failed', 'undelivered', 'failed'],
    ['undelivered', 'failed', 'undelivered'],
    ['pending', 'skipped', 'skipped'],
    ['delivered', 'skipped', 'delivered'],
    ['failed', 'skipped', 'failed'],
    ...(['pending', 'queued', 'sent', 'delivered', 'read', 'failed'] as const).map(
      (late) => ['skipped', late, 'skipped'] as const,
    ),
    // Inbound messages are never touched.
    ['received', 'delivered', 'received'],
    ['sent', 'received', 'sent'],
  ] as const)('%s, then %s → %s', (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });

  it.each([...FORWARD, ...FAILURES, 'skipped' as const])('is idempotent: %s twice changes nothing', (s) => {
    expect(nextStatus(s, s)).toBe(s);
  });
});
