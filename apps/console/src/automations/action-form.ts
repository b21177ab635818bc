import { SendAction as SendActionSchema } from '@app/contracts';
import { zodFormErrors } from '../shared/form-errors';
import type { SendAction } from './automation-api';

/** The action part of a rule or routine form. */
export interface ActionFormValues {
  type: 'send_whatsapp' | 'send_sms';
  phoneNumberId: string | null;
  template: string;
  contentSid: string;
  workflowId: string | null;
  initialMessage: string;
}

export const emptyAction = (): ActionFormValues => ({
  type: 'send_whatsapp',
  phoneNumberId: null,
  template: '',
  contentSid: '',
  workflowId: null,
  initialMessage: '',
});

export function toActionValues(action: SendAction): ActionFormValues {
  return {
    ...emptyAction(),
    type: action.type,
    phoneNumberId: action.phoneNumberId,
    template: action.template ?? '',
    ...(action.type === 'send_whatsapp'
      ? {
          contentSid: action.contentSid ?? '',
          workflowId: action.workflowId ?? null,
          initialMessage: action.initialMessage ?? '',
        }
      : {}),
  };
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

export function toAction(v: ActionFormValues): SendAction {
  if (v.type === 'send_sms')
    return { type: 'send_sms', phoneNumberId: v.phoneNumberId ?? '', template: v.template.trim() };
  const action: SendAction = { type: 'send_whatsapp', phoneNumberId: v.phoneNumberId ?? '' };
  if (opt(v.template)) action.template = v.template.trim();
  if (opt(v.contentSid)) action.contentSid = v.contentSid.trim();
  if (v.workflowId) action.workflowId = v.workflowId;
  if (opt(v.initialMessage)) action.initialMessage = v.initialMessage.trim();
  return action;
}

/** The API's SendAction schema (libs/contracts) plus the choices a person must make, as form errors under `prefix`. */
export function validateAction(v: ActionFormValues, prefix = 'action'): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.phoneNumberId) errors[`${prefix}.phoneNumberId`] = 'Choose the number to send from';
  if (v.type === 'send_whatsapp' && !opt(v.template) && !opt(v.contentSid) && !v.workflowId)
    errors[`${prefix}.template`] = 'Write a message, give an approved template, or start a workflow';
  if (v.type === 'send_sms' && !opt(v.template)) errors[`${prefix}.template`] = 'Write the message';
  for (const [path, message] of Object.entries(zodFormErrors(SendActionSchema, toAction(v)))) {
    if (path === 'contentSid')
      errors[`${prefix}.contentSid`] ??= 'An approved template SID looks like HX followed by 32 hex digits';
    else if (path !== 'phoneNumberId') errors[`${prefix}.${path}`] ??= message;
  }
  return errors;
}
