import { AppError } from '@app/contracts';
import { compileCel, ConditionError, evaluateCondition } from './cel';

describe('rule conditions (CEL)', () => {
  it('reads the event and the member', () => {
    const context = {
      event: { type: 'form_submitted', data: { score: 7 } },
      member: { first_name: 'Ada', notify_whatsapp: true },
    };
    expect(evaluateCondition('event.data.score > 5 && member.notify_whatsapp', context)).toBe(true);
    expect(evaluateCondition('event.type == "task_entered"', context)).toBe(false);
  });

  it('refuses a malformed expression when a rule is saved', () => {
    expect(() => compileCel('event.type ==', 'condition')).toThrow(AppError);
    expect(() => compileCel('event.type ==', 'condition')).toThrow(/^condition: not a valid CEL expression/);
  });

  it('reports a missing field or a non-boolean result as a condition error', () => {
    expect(() => evaluateCondition('event.data.missing == 1', { event: { data: {} } })).toThrow(
      ConditionError,
    );
    expect(() => evaluateCondition('event.type', { event: { type: 'x' } })).toThrow(
      'The condition must give true or false, not string.',
    );
  });
});

describe('toCelValue', () => {
  it('keeps lists and nested maps usable in expressions', () => {
    const context = {
      event: {
        type: 't',
        data: { tags: ['vip', 'new'], when: new Date('2024-01-01T00:00:00Z'), nested: { n: 1 } },
      },
    };
    expect(
      evaluateCondition(
        '"vip" in event.data.tags && event.data.nested.n == 1 && event.data.when.startsWith("2024")',
        context,
      ),
    ).toBe(true);
  });
});
