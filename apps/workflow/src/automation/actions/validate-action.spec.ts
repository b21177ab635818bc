import { randomUUID } from 'node:crypto';
import { AppError, type SendAction } from '@app/contracts';
import { validateAction } from './validate-action';

const phoneNumberId = randomUUID();
const refused = (action: SendAction, code = 'invalid_input') => {
  try {
    validateAction(action);
  } catch (error) {
    return error instanceof AppError && error.code === code ? error.message : `unexpected: ${String(error)}`;
  }
  return null;
};

describe('validateAction', () => {
  it('accepts a template send, a template then a workflow, and a content template', () => {
    const whatsapp = { type: 'send_whatsapp', phoneNumberId } as const;
    const content = (sid: string, variable: string) => ({
      contentSid: `HX${sid.repeat(32)}`,
      contentVariables: { '1': variable },
    });
    expect(refused({ ...whatsapp, template: 'Hi {{member.first_name}}' })).toBeNull();
    expect(
      refused({
        ...whatsapp,
        workflowId: randomUUID(),
        ...content('b', '{{member.attributes.appointment_at}}'),
      }),
    ).toBeNull();
    expect(refused({ ...whatsapp, workflowId: randomUUID(), template: 'Reply to reschedule' })).toBeNull();
    expect(refused({ ...whatsapp, ...content('a', '{{member.first_name}}') })).toBeNull();
    expect(refused({ type: 'send_sms', phoneNumberId, template: 'Hi' })).toBeNull();
  });

  it('says what is missing or malformed', () => {
    expect(refused({ type: 'send_whatsapp', phoneNumberId })).toMatch(/^action.template: a message template/);
    // A workflow start with no template cannot reach a member outside the 24-hour window.
    expect(
      refused(
        { type: 'send_whatsapp', phoneNumberId, workflowId: randomUUID(), initialMessage: 'reschedule' },
        'rule_violation',
      ),
    ).toMatch(/^action.workflowId: .*24-hour window/);
    expect(
      refused(
        {
          type: 'send_whatsapp',
          phoneNumberId,
          workflowId: randomUUID(),
          template: 'Hi',
          initialMessage: 'x',
        },
        'rule_violation',
      ),
    ).toMatch(/^action.initialMessage: .*24-hour window/);
    expect(
      refused({ type: 'send_whatsapp', phoneNumberId, template: 'Hi', contentSid: `HX${'a'.repeat(32)}` }),
    ).toMatch(/not both/);
    expect(
      refused(
        { type: 'send_whatsapp', phoneNumberId, template: 'Hi', initialMessage: 'x' },
        'rule_violation',
      ),
    ).toMatch(/^action.initialMessage: an initial message needs a workflowId/);
    expect(refused({ type: 'send_sms', phoneNumberId, template: 'Hi {{#if}}' })).toMatch(
      /^action.template: not a valid template/,
    );
  });
});
