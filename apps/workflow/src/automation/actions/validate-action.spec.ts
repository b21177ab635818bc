import { randomUUID } from 'node:crypto';
import { AppError, type SendAction } from '@app/contracts';
import { validateAction } from './validate-action';

const phoneNumberId = randomUUID();
const refused = (action: SendAction) => {
  try {
    validateAction(action);
  } catch (error) {
    return error instanceof AppError && error.code === 'invalid_input'
      ? error.message
      : `unexpected: ${String(error)}`;
  }
  return null;
};

describe('validateAction', () => {
  it('accepts a template send, a workflow chat and a content template', () => {
    expect(
      refused({ type: 'send_whatsapp', phoneNumberId, template: 'Hi {{member.first_name}}' }),
    ).toBeNull();
    expect(
      refused({
        type: 'send_whatsapp',
        phoneNumberId,
        workflowId: randomUUID(),
        initialMessage: 'I want to reschedule',
      }),
    ).toBeNull();
    expect(
      refused({
        type: 'send_whatsapp',
        phoneNumberId,
        contentSid: `HX${'a'.repeat(32)}`,
        contentVariables: { '1': '{{member.first_name}}' },
      }),
    ).toBeNull();
    expect(refused({ type: 'send_sms', phoneNumberId, template: 'Hi' })).toBeNull();
  });

  it('says what is missing or malformed', () => {
    expect(refused({ type: 'send_whatsapp', phoneNumberId })).toMatch(/^action.template: a message template/);
    expect(
      refused({ type: 'send_whatsapp', phoneNumberId, template: 'Hi', contentSid: `HX${'a'.repeat(32)}` }),
    ).toMatch(/not both/);
    expect(refused({ type: 'send_whatsapp', phoneNumberId, template: 'Hi', initialMessage: 'x' })).toMatch(
      /^action.initialMessage/,
    );
    expect(refused({ type: 'send_sms', phoneNumberId, template: 'Hi {{#if}}' })).toMatch(
      /^action.template: not a valid template/,
    );
  });
});
