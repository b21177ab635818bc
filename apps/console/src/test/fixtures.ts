import { aChat as aChatOf, aMember as aMemberOf, aPhoneNumber as aPhoneNumberOf } from '@app/testing/records';
import type { Chat, Member, PhoneNumber, Webhook } from '../api/types';

// The services' record builders, with fixed ids and times so a test reads the same every run.
const WORKSPACE_ID = '7f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const CREATED = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

/** An open SMS chat nobody holds; `extra` sets what a test is about. */
export const aChat = (extra: Partial<Chat> = {}): Chat =>
  aChatOf('w1', {
    id: 'c1',
    phoneNumberId: 'n1',
    memberId: 'm1',
    channel: 'sms',
    createdAt: '2026-03-02T09:00:00.000Z',
    ...extra,
  });

/** A number with SMS on, WhatsApp off, the default keywords and no hours; `extra` sets the rest. */
export const aPhoneNumber = (extra: Partial<PhoneNumber> = {}): PhoneNumber =>
  aPhoneNumberOf(WORKSPACE_ID, {
    id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    number: '+15551234567',
    whatsappEnabled: false,
    brandName: 'Sunrise Dental',
    keywords: { optOut: ['STOP'], optIn: ['START'], help: ['HELP'] },
    ...CREATED,
    ...extra,
  });

/** Ana, with preferences' defaults: SMS, email and voice on, WhatsApp off, not opted out. */
export const aMember = (extra: Partial<Member> = {}): Member =>
  aMemberOf(WORKSPACE_ID, {
    id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    firstName: 'Ana',
    phone: '+15551234567',
    ...CREATED,
    ...extra,
  });

/** An endpoint for two event types, on and delivering; `extra` sets the rest. */
export const aWebhook = (extra: Partial<Webhook> = {}): Webhook => ({
  id: '3f6c1d2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f',
  url: 'https://crm.example.com/hooks',
  description: 'CRM',
  events: ['message.created', 'chat.closed'],
  enabled: true,
  disabledReason: null,
  failingSince: null,
  ...CREATED,
  ...extra,
});
