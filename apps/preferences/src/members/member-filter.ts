import { AppError, type Member } from '@app/contracts';
import { CelCompileError, CelEnvironment } from '@app/cel';

/**
 * A routine's member filter: a CEL expression over `member` with snake_case fields. Missing text
 * fields read as "" (as in proto3), so `member.email != ""` means "has an email". `member.attributes`
 * is the member's own data and `now` the time of evaluation, so a scheduled routine can pick
 * `has(member.attributes.appointment_at) && timestamp(member.attributes.appointment_at) - now < duration("24h")`.
 */
const environment = new CelEnvironment({
  limits: {
    maxAstNodes: 2_000,
    maxDepth: 50,
    maxListElements: 1_000,
    maxMapEntries: 100,
    maxCallArguments: 16,
  },
  variables: {
    member: {
      id: 'string',
      first_name: 'string',
      last_name: 'string',
      phone: 'string',
      email: 'string',
      notify_sms: 'bool',
      notify_email: 'bool',
      notify_voice: 'bool',
      notify_whatsapp: 'bool',
      opted_out: 'bool',
      attributes: 'map<string, dyn>',
    },
  },
  timestamps: ['now'],
});

export type MemberFilter = (member: Member, now?: Date) => boolean;

/** Parses and type-checks once; the result is evaluated per member. */
export function compileMemberFilter(expression: string): MemberFilter {
  let program;
  try {
    program = environment.compile(expression);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    if (error.kind === 'cost') throw new AppError('invalid_input', `filter: ${error.summary}.`);
    const at = error.offset === null ? '' : ` at character ${error.offset + 1}`;
    throw new AppError('invalid_input', `filter: ${error.summary}${at} of "${expression.slice(0, 200)}".`);
  }
  if (program.type !== 'bool') {
    throw new AppError(
      'invalid_input',
      `filter: must be true or false for a member, but gives a ${program.type} value.`,
    );
  }
  return (member, now = new Date()) => program.evaluate({ member: filterView(member), now }) === true;
}

/** What a filter sees of a member. */
export function filterView(member: Member): Record<string, unknown> {
  return {
    id: member.id,
    first_name: member.firstName ?? '',
    last_name: member.lastName ?? '',
    phone: member.phone ?? '',
    email: member.email ?? '',
    notify_sms: member.notifySms,
    notify_email: member.notifyEmail,
    notify_voice: member.notifyVoice,
    notify_whatsapp: member.notifyWhatsapp,
    opted_out: member.optedOut,
    attributes: member.attributes,
  };
}
