import { AppError, type SendAction } from '@app/contracts';
import { checkTemplate } from './template';

/** Why a WhatsApp workflow start without a template is refused when the rule or routine is saved. */
export const FREE_FORM_START =
  "action.workflowId: a WhatsApp workflow start needs a template (contentSid, or a template body) to open the conversation: the member may be outside the 24-hour window when it runs, and WhatsApp refuses free-form messages there. The template is sent and the member's answer goes to the workflow.";

/**
 * What the contract's shape cannot say about an action: what it sends must be there and parse.
 * Refused when a rule or routine is saved, not at 3 a.m. when it first runs.
 */
export function validateAction(action: SendAction): void {
  if (action.type === 'send_sms') {
    checkTemplate(action.template, 'action.template');
    return;
  }
  if (action.template !== undefined && action.contentSid !== undefined) {
    throw new AppError('invalid_input', 'action: give a message template or a contentSid, not both.');
  }
  if (action.template === undefined && action.contentSid === undefined) {
    if (action.workflowId) throw new AppError('rule_violation', FREE_FORM_START);
    throw new AppError('invalid_input', 'action.template: a message template (or a contentSid) is required.');
  }
  if (action.contentVariables !== undefined && action.contentSid === undefined) {
    throw new AppError('invalid_input', 'action.contentVariables: content variables need a contentSid.');
  }
  if (action.initialMessage !== undefined) {
    throw new AppError(
      'rule_violation',
      action.workflowId
        ? "action.initialMessage: with a template, the member's answer is what the workflow answers first; a first reply of its own would be free-form, which WhatsApp refuses outside the 24-hour window. Leave initialMessage out."
        : 'action.initialMessage: an initial message needs a workflowId (it is the first message of the chat).',
    );
  }
  if (action.template !== undefined) checkTemplate(action.template, 'action.template');
  for (const [key, value] of Object.entries(action.contentVariables ?? {}))
    checkTemplate(value, `action.contentVariables.${key}`);
}
