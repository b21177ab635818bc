import { randomInt, randomUUID } from 'node:crypto';
import {
  noKeywordReplies,
  type Chat,
  type Member,
  type PhoneNumber,
  type WorkspaceSummary,
} from '@app/contracts';
import { DEFAULT_SWITCHES, defaultKeywordLists } from '@app/rules';

// Records as the services hold them, for tests: nothing here talks to NATS, so the console's
// tests build theirs with these too.

/**
 * A phone in the reserved +1 555 range: consecutive from a random start, so the phones one test
 * process makes never repeat (400 random ones collided about once in 125 runs).
 */
let nextPhone = randomInt(0, 10_000_000);
export const randomPhone = (): string => `+1555${String(nextPhone++ % 10_000_000).padStart(7, '0')}`;

/** A workspace as routing summarises it to its neighbours (WhatsApp feature on unless told otherwise). */
export function aWorkspace(
  features: WorkspaceSummary['features'] = ['whatsapp'],
  fields: Partial<WorkspaceSummary> = {},
): WorkspaceSummary {
  return { id: randomUUID(), name: 'Test workspace', features, ...fields };
}

/** A number of the workspace taking SMS and WhatsApp, at the default send rate, not archived. */
export function aPhoneNumber(workspaceId: string, fields: Partial<PhoneNumber> = {}): PhoneNumber {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    workspaceId,
    number: randomPhone(),
    smsEnabled: true,
    whatsappEnabled: true,
    whatsappSandbox: false,
    whatsappSandboxJoinCode: null,
    defaultWorkflowId: null,
    smsDisabledMessage: null,
    brandName: null,
    offHoursMessage: null,
    businessHours: null,
    sendRatePerSecond: null,
    inactivityCloseAfter: 'PT24H',
    keywords: defaultKeywordLists(),
    keywordReplies: noKeywordReplies(),
    workMode: 'ai',
    handoffTimeoutSeconds: null,
    holdingMessage: null,
    archived: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A member with preferences' defaults: SMS, email and voice on, WhatsApp off, not opted out. */
export function aMember(workspaceId: string, fields: Partial<Member> = {}): Member {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    workspaceId,
    firstName: 'Robin',
    lastName: null,
    phone: randomPhone(),
    email: null,
    ...DEFAULT_SWITCHES,
    optedOut: false,
    optedOutAt: null,
    optedOutChannel: null,
    attributes: {},
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** An open WhatsApp chat of the workspace, held by no one, nothing unread, as chats lists it. */
export function aChat(workspaceId: string, fields: Partial<Chat> = {}): Chat {
  return {
    id: randomUUID(),
    workspaceId,
    phoneNumberId: randomUUID(),
    memberId: randomUUID(),
    channel: 'whatsapp',
    status: 'open',
    lastMessageAt: null,
    createdAt: new Date().toISOString(),
    heldBy: null,
    waitingSince: null,
    handoffReason: null,
    assignedTo: null,
    unreadCount: 0,
    closesAt: null,
    closedAt: null,
    closedReason: null,
    ...fields,
  };
}
