import type { MessageStatus } from '@app/contracts';
import { nextStatus } from './next-status';

const FORWARD: MessageStatus[] = ['pending', 'queued', 'sending', 'sent', 'delivered', 'read'];
const FAILURES: MessageStatus[] = ['undelivered', 'failed'];

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

  it.each(FAILURES)('records %s for a message that was pending, queued, sending or sent', (failure) => {
    for (const from of ['pending', 'queued', 'sending', 'sent'] as const)
      expect(nextStatus(from, failure)).toBe(failure);
  });

  it.each(FAILURES)('ignores %s after delivered or read', (failure) => {
    expect(nextStatus('delivered', failure)).toBe('delivered');
    expect(nextStatus('read', failure)).toBe('read');
  });

  it.each(FAILURES)('lets delivered and read win over an earlier %s (WhatsApp reports these)', (failure) => {
    expect(nextStatus(failure, 'delivered')).toBe('delivered');
    expect(nextStatus(failure, 'read')).toBe('read');
  });

  it.each(FAILURES)('does not move %s back to an earlier progress status', (failure) => {
    for (const late of ['pending', 'queued', 'sending', 'sent'] as const)
      expect(nextStatus(failure, late)).toBe(failure);
  });

  it('keeps the first of two failures', () => {
    expect(nextStatus('failed', 'undelivered')).toBe('failed');
    expect(nextStatus('undelivered', 'failed')).toBe('undelivered');
  });

  it('records skipped for a send the checks refused before it reached Twilio', () => {
    expect(nextStatus('pending', 'skipped')).toBe('skipped');
  });

  it.each(['pending', 'queued', 'sent', 'delivered', 'read', 'failed'] as const)(
    'keeps skipped final when %s arrives',
    (late) => {
      expect(nextStatus('skipped', late)).toBe('skipped');
    },
  );

  it('ignores skipped once delivered', () => {
    expect(nextStatus('delivered', 'skipped')).toBe('delivered');
  });

  it('is idempotent: the same status twice changes nothing', () => {
    for (const s of [...FORWARD, ...FAILURES, 'skipped'] as const) expect(nextStatus(s, s)).toBe(s);
  });

  it('never touches inbound messages', () => {
    expect(nextStatus('received', 'delivered')).toBe('received');
    expect(nextStatus('sent', 'received')).toBe('sent');
  });
});
