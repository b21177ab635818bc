import { AppError, type SendAction } from '@app/contracts';
import { checkTemplate } from './template';

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
  if (!action.workflowId && action.template === undefined && action.contentSid === undefined) {
    throw new AppError(
      'invalid_input',
      'action.template: a message template (or a contentSid) is required unless the action starts a workflow.',
    );
  }
  if (action.contentVariables !== undefined && action.contentSid === undefined) {
    throw new AppError('invalid_input', 'action.contentVariables: content variables need a contentSid.');
  }
  if (action.initialMessage !== undefined && !action.workflowId) {
    throw new AppError(
      'invalid_input',
      'action.initialMessage: an initial message needs a workflowId (it is the first message of the chat).',
    );
  }
  if (action.template !== undefined) checkTemplate(action.template, 'action.template');
  if (action.initialMessage !== undefined) checkTemplate(action.initialMessage, 'action.initialMessage');
  for (const [key, value] of Object.entries(action.contentVariables ?? {}))
    checkTemplate(value, `action.contentVariables.${key}`);
}
