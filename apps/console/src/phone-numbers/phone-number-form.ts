import { PhoneNumberFields } from '@app/contracts';
import { checkKeywordLists, KEYWORD_LISTS } from '@app/rules';
import type { PhoneNumber } from '../api/types';
import { zodFormErrors } from '../shared/form-errors';
import { apiText, formText } from '../shared/form-text';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const DAY_NAMES: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface Interval {
  open: string;
  close: string;
}

/** The edit form's values: text fields as strings (empty = not set), hours per day. */
export interface PhoneNumberFormValues {
  smsEnabled: boolean;
  whatsappEnabled: boolean;
  whatsappSandbox: boolean;
  defaultWorkflowId: string | null;
  smsDisabledMessage: string;
  brandName: string;
  offHoursMessage: string;
  hoursEnabled: boolean;
  businessHours: { timeZone: string; days: Record<Day, Interval[]> };
  sendRatePerSecond: number | string;
  inactivityCloseAfter: string;
  whatsappSandboxJoinCode: string;
  /** Who answers: the AI, people (chats wait in the inbox), or the AI until it hands over. */
  workMode: PhoneNumber['workMode'];
  /** Seconds a handed-over chat waits before the holding message; empty: never sent. */
  handoffTimeoutSeconds: number | string;
  holdingMessage: string;
  /** Whole-message keywords per list, as the number has them (the defaults until edited). */
  keywords: Record<KeywordList, string[]>;
  /** The confirmation / help texts; empty = the default text naming the brand. */
  keywordReplies: Record<KeywordList, string>;
}

export type KeywordList = (typeof KEYWORD_LISTS)[number];
export { KEYWORD_LISTS };

export type PhoneNumberPatch = Partial<
  Pick<
    PhoneNumber,
    | 'smsEnabled'
    | 'whatsappEnabled'
    | 'whatsappSandbox'
    | 'defaultWorkflowId'
    | 'smsDisabledMessage'
    | 'brandName'
    | 'offHoursMessage'
    | 'businessHours'
    | 'sendRatePerSecond'
    | 'inactivityCloseAfter'
    | 'whatsappSandboxJoinCode'
    | 'workMode'
    | 'handoffTimeoutSeconds'
    | 'holdingMessage'
  >
> & {
  keywords?: Record<KeywordList, string[]>;
  keywordReplies?: Record<KeywordList, string | null>;
};

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** Weekdays 09:00–17:00 in the browser's zone: what a new schedule starts from. */
export function defaultHours(): PhoneNumberFormValues['businessHours'] {
  const weekday = (): Interval[] => [{ open: '09:00', close: '17:00' }];
  return {
    timeZone: browserZone(),
    days: {
      mon: weekday(),
      tue: weekday(),
      wed: weekday(),
      thu: weekday(),
      fri: weekday(),
      sat: [],
      sun: [],
    },
  };
}

export function toFormValues(number: PhoneNumber): PhoneNumberFormValues {
  const hours = number.businessHours;
  return {
    smsEnabled: number.smsEnabled,
    whatsappEnabled: number.whatsappEnabled,
    whatsappSandbox: number.whatsappSandbox,
    smsDisabledMessage: formText(number.smsDisabledMessage),
    defaultWorkflowId: number.defaultWorkflowId,
    brandName: formText(number.brandName),
    offHoursMessage: formText(number.offHoursMessage),
    hoursEnabled: hours !== null,
    businessHours: hours
      ? {
          timeZone: hours.timeZone,
          days: Object.fromEntries(
            DAYS.map((d) => [d, (hours.days[d] ?? []).map((i) => ({ ...i }))]),
          ) as Record<Day, Interval[]>,
        }
      : defaultHours(),
    sendRatePerSecond: number.sendRatePerSecond ?? '',
    inactivityCloseAfter: number.inactivityCloseAfter,
    whatsappSandboxJoinCode: formText(number.whatsappSandboxJoinCode),
    workMode: number.workMode,
    handoffTimeoutSeconds: number.handoffTimeoutSeconds ?? '',
    holdingMessage: formText(number.holdingMessage),
    keywords: {
      optOut: [...number.keywords.optOut],
      optIn: [...number.keywords.optIn],
      help: [...number.keywords.help],
    },
    keywordReplies: {
      optOut: formText(number.keywordReplies.optOut),
      optIn: formText(number.keywordReplies.optIn),
      help: formText(number.keywordReplies.help),
    },
  };
}

/** What the form sends: every field, as the API's PATCH takes it. */
export function toPatch(values: PhoneNumberFormValues): PhoneNumberPatch {
  const days = Object.fromEntries(
    DAYS.filter((d) => values.businessHours.days[d].length > 0).map((d) => [d, values.businessHours.days[d]]),
  );
  return {
    smsEnabled: values.smsEnabled,
    whatsappEnabled: values.whatsappEnabled,
    whatsappSandbox: values.whatsappSandbox,
    defaultWorkflowId: values.defaultWorkflowId || null,
    smsDisabledMessage: apiText(values.smsDisabledMessage),
    brandName: apiText(values.brandName),
    offHoursMessage: apiText(values.offHoursMessage),
    businessHours: values.hoursEnabled ? { timeZone: values.businessHours.timeZone, days } : null,
    sendRatePerSecond: values.sendRatePerSecond === '' ? null : Number(values.sendRatePerSecond),
    inactivityCloseAfter: values.inactivityCloseAfter.trim().toUpperCase(),
    whatsappSandboxJoinCode: apiText(values.whatsappSandboxJoinCode),
    workMode: values.workMode,
    handoffTimeoutSeconds: values.handoffTimeoutSeconds === '' ? null : Number(values.handoffTimeoutSeconds),
    holdingMessage: apiText(values.holdingMessage),
    keywords: {
      optOut: values.keywords.optOut.map((k) => k.trim()).filter(Boolean),
      optIn: values.keywords.optIn.map((k) => k.trim()).filter(Boolean),
      help: values.keywords.help.map((k) => k.trim()).filter(Boolean),
    },
    keywordReplies: {
      optOut: apiText(values.keywordReplies.optOut),
      optIn: apiText(values.keywordReplies.optIn),
      help: apiText(values.keywordReplies.help),
    },
  };
}

/**
 * A keyword problem belongs to its list's field: the rule (and the API) name the entry
 * (`keywords.optIn.2`), the form shows it at the list (`keywords.optIn`).
 */
export function keywordField(path: string): string {
  return path.replace(/^(keywords\.(?:optOut|optIn|help))\.\d+$/, '$1');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The API's own schema (PhoneNumberFields, from libs/contracts) on what the form would send,
 * plus what a person gets wrong that the schema cannot see: closing before opening, an unknown
 * time zone. Keys are the form's field paths.
 */
export function validatePhoneNumberForm(values: PhoneNumberFormValues): Record<string, string> {
  const patch = toPatch(values);
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(zodFormErrors(PhoneNumberFields.strict(), patch)))
    errors[keywordField(path)] ??= message;
  // The keyword rule the routing service applies (libs/rules): STOP kept, no word in two lists.
  const keywords = checkKeywordLists(patch.keywords!);
  if (!keywords.ok) errors[keywordField(keywords.field)] ??= keywords.problem;
  if (values.hoursEnabled) {
    if (!isTimeZone(values.businessHours.timeZone))
      errors['businessHours.timeZone'] = 'Choose a time zone from the list';
    for (const day of DAYS) {
      values.businessHours.days[day].forEach((interval, index) => {
        const at = `businessHours.days.${day}.${index}`;
        if (!/^\d{2}:\d{2}$/.test(interval.open)) errors[`${at}.open`] = 'Enter a time such as 09:00';
        else if (!/^\d{2}:\d{2}$/.test(interval.close)) errors[`${at}.close`] = 'Enter a time such as 17:00';
        else if (interval.close <= interval.open) errors[`${at}.close`] = 'Closes before it opens';
      });
    }
  }
  if (values.sendRatePerSecond !== '' && !(Number(values.sendRatePerSecond) > 0))
    errors.sendRatePerSecond = 'A positive number of messages per second, or empty for the default';
  return errors;
}
