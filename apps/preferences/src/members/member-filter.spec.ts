import { randomUUID } from 'node:crypto';
import { AppError, type Member } from '@app/contracts';
import { aMember } from '@app/testing';
import { compileMemberFilter } from './member-filter';

const member = (fields: Partial<Member> = {}): Member =>
  aMember(randomUUID(), { firstName: null, phone: '+15551234567', ...fields });

const errorOf = (expression: string): AppError => {
  try {
    compileMemberFilter(expression);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`expected ${expression} to be refused`);
};

describe('member filter (CEL)', () => {
  it('selects members by switches and opt-out', () => {
    const filter = compileMemberFilter('member.notify_whatsapp && !member.opted_out');
    expect(filter(member({ notifyWhatsapp: true }))).toBe(true);
    expect(filter(member({ notifyWhatsapp: true, optedOut: true }))).toBe(false);
    expect(filter(member())).toBe(false);
  });

  it('reads missing text fields as empty strings', () => {
    const filter = compileMemberFilter('member.first_name.startsWith("Al") || member.email != ""');
    expect(filter(member({ firstName: 'Alex' }))).toBe(true);
    expect(filter(member({ email: 'a@example.com' }))).toBe(true);
    expect(filter(member())).toBe(false);
  });

  it('refuses a syntax error, saying where', () => {
    const error = errorOf('member.notify_sms &&');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^filter: .* at character \d+/);
  });

  it('refuses unknown fields and non-boolean results', () => {
    expect(errorOf('member.favourite_colour == "blue"').message).toMatch(/favourite_colour/);
    expect(errorOf('member.first_name').message).toMatch(/true or false/);
  });

  it('reads attributes, and time through now: one reminder window per appointment', () => {
    const filter = compileMemberFilter(
      'has(member.attributes.appointment_at) && timestamp(member.attributes.appointment_at) > now && timestamp(member.attributes.appointment_at) - now < duration("24h")',
    );
    const booked = member({ attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Lyon' } });
    expect(filter(booked, new Date('2026-11-30T12:00:00Z'))).toBe(true);
    expect(filter(booked, new Date('2026-11-29T12:00:00Z'))).toBe(false);
    expect(filter(booked, new Date('2026-12-01T11:00:00Z'))).toBe(false);
    expect(filter(member(), new Date('2026-11-30T12:00:00Z'))).toBe(false);
    expect(compileMemberFilter('member.attributes.clinic == "Lyon"')(booked)).toBe(true);
    expect(errorOf('now == 1').message).toMatch(/^filter: /);
  });
});
