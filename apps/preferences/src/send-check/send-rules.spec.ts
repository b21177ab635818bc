import { randomUUID } from 'node:crypto';
import type { Member } from '@app/contracts';
import { aMember } from '@app/testing';
import { decideSend } from './send-rules';

const member = (fields: Partial<Member> = {}): Member =>
  aMember(randomUUID(), { firstName: null, phone: '+15551234567', ...fields });

describe('decideSend', () => {
  it('fails for an unknown member', () => {
    expect(decideSend(null, 'sms', 'reply')).toEqual({
      allowed: false,
      outcome: 'failed',
      reason: 'Member not found.',
      member: null,
    });
  });

  it('always lets compliance messages through', () => {
    const m = member({ optedOut: true, notifySms: false });
    expect(decideSend(m, 'sms', 'compliance')).toEqual({ allowed: true, member: m });
  });

  it('gates replies by opt-out only', () => {
    expect(decideSend(member({ notifyWhatsapp: false }), 'whatsapp', 'reply').allowed).toBe(true);
    expect(decideSend(member({ optedOut: true }), 'sms', 'reply')).toMatchObject({
      allowed: false,
      outcome: 'skipped',
      reason: 'Member has opted out of messages (replied STOP).',
    });
  });

  it('gates system sends by the channel switch, then the opt-out', () => {
    expect(decideSend(member(), 'whatsapp', 'system')).toMatchObject({
      allowed: false,
      outcome: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
    });
    expect(decideSend(member({ notifySms: false }), 'sms', 'system')).toMatchObject({
      allowed: false,
      outcome: 'skipped',
      reason: 'Member has SMS notifications disabled.',
    });
    expect(decideSend(member({ notifySms: false }), 'whatsapp', 'system')).toMatchObject({
      reason: 'Member has WhatsApp notifications disabled.',
    });
    expect(decideSend(member({ notifyWhatsapp: true, optedOut: true }), 'whatsapp', 'system')).toMatchObject({
      allowed: false,
      reason: 'Member has opted out of messages (replied STOP).',
    });
    expect(decideSend(member({ notifyWhatsapp: true }), 'whatsapp', 'system').allowed).toBe(true);
  });
});
