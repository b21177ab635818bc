import {
  compileCondition,
  ConditionEvaluationError,
  ConditionSyntaxError,
  evaluateCondition,
} from './condition';
import { buildWorkflowContext } from './context';

const context = (channel: 'sms' | 'whatsapp', body = 'hello') =>
  buildWorkflowContext({
    workspace: { name: 'Acme' },
    phoneNumber: { brandName: null },
    member: { firstName: 'Ada', lastName: null, phone: '+15551234567', email: null },
    channel,
    chatId: '00000000-0000-4000-8000-000000000001',
    body,
  });

describe('workflow conditions (CEL)', () => {
  it('branches on the channel and reads the context', () => {
    expect(evaluateCondition('chat.channel == "whatsapp"', context('whatsapp'))).toBe(true);
    expect(evaluateCondition('chat.channel == "whatsapp"', context('sms'))).toBe(false);
    expect(
      evaluateCondition('message.body.contains("price") || member.first_name == "Ada"', context('sms')),
    ).toBe(true);
    expect(evaluateCondition('member.last_name == "" && brand.name == "Acme"', context('sms'))).toBe(true);
  });

  it('reads member attributes', () => {
    const withAppointment = buildWorkflowContext({
      workspace: { name: 'Acme' },
      phoneNumber: { brandName: null },
      member: {
        firstName: 'Ada',
        lastName: null,
        phone: '+15551234567',
        email: null,
        attributes: { appointment_at: '2026-12-01T10:00:00Z' },
      },
      channel: 'whatsapp',
      chatId: null,
      body: 'can we do Friday?',
    });
    expect(evaluateCondition('has(member.attributes.appointment_at)', withAppointment)).toBe(true);
    expect(evaluateCondition('has(member.attributes.appointment_at)', context('sms'))).toBe(false);
  });

  it('points at the column of a syntax error', () => {
    expect(() => compileCondition('chat.channel == ')).toThrow(ConditionSyntaxError);
    expect(() => compileCondition('chat.channel == ')).toThrow(
      /^CEL syntax error at column 17: Unexpected token: EOF$/,
    );
    expect(() => compileCondition('chat.channel ==\n  && x')).toThrow(
      /^CEL syntax error at line 2, column 3/,
    );
  });

  it('refuses unknown variables and fields when compiled', () => {
    expect(() => compileCondition('chanel.channel == "sms"')).toThrow(
      'CEL error at column 1: Unknown variable: chanel',
    );
    expect(() => compileCondition('chat.chanel == "sms"')).toThrow(
      /^CEL error at column 6: No such key: chanel/,
    );
    expect(() => compileCondition('chat.channel')).toThrow(
      'CEL error: the condition gives string, not a bool',
    );
  });

  it('does not evaluate member text', () => {
    expect(
      evaluateCondition(
        'message.body == "chat.channel == \\"sms\\""',
        context('whatsapp', 'chat.channel == "sms"'),
      ),
    ).toBe(true);
  });

  it('reports runtime failures as evaluation errors', () => {
    expect(() => evaluateCondition('int(message.body) > 3', context('sms', 'abc'))).toThrow(
      ConditionEvaluationError,
    );
  });
});
