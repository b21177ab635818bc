import { AppError, type Member } from '@app/contracts';
import { cel } from './cel';

/**
 * A routine's member filter: a CEL expression over `member` with snake_case fields. Missing text
 * fields read as "" (as in proto3), so `member.email != ""` means "has an email".
 */
const environment = new cel.Environment({ limits: { maxAstNodes: 2_000, maxDepth: 50, maxListElements: 1_000, maxMapEntries: 100, maxCallArguments: 16 } }).registerVariable({
  name: 'member',
  schema: {
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
  },
});

export type MemberFilter = (member: Member) => boolean;

/** Parses and type-checks once; the result is evaluated per member. */
export function compileMemberFilter(expression: string): MemberFilter {
  const check = environment.check(expression);
  if (!check.valid) {
    const error = check.error;
    const at = error?.range ? ` at character ${error.range.start + 1}` : '';
    const summary = error?.summary ?? error?.message.split('\n')[0] ?? 'not a valid expression';
    throw new AppError('invalid_input', `filter: ${summary}${at} of "${expression.slice(0, 200)}".`);
  }
  if (check.type !== 'bool') {
    throw new AppError('invalid_input', `filter: must be true or false for a member, but gives a ${check.type ?? 'non-boolean'} value.`);
  }
  const evaluate = environment.parse(expression);
  return (member) => evaluate(plain({ member: filterView(member) })) === true;
}

/**
 * Prototype-less objects: the evaluator recognises maps by their prototype, and it may run in
 * another realm than the caller (under jest it does), where `Object` is a different object.
 */
function plain<T extends object>(value: T): T {
  return Object.assign(Object.create(null) as T, value);
}

/** What a filter sees of a member. */
export function filterView(member: Member): Record<string, string | boolean> {
  return plain({
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
  });
}
