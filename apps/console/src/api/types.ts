import type { components } from './schema.gen';

type Schemas = components['schemas'];
export type PhoneNumber = Schemas['PhoneNumber'];
export type Member = Schemas['Member'];
export type Chat = Schemas['Chat'];
export type ChatMessage = Schemas['ChatMessagePage']['items'][number];
export type Workflow = Schemas['Workflow'];
export type EventRule = Schemas['EventRule'];
export type ActionRun = Schemas['ActionRunPage']['items'][number];
export type Routine = Schemas['Routine'];
export type RoutineResult = Schemas['RoutineRunResultPage']['items'][number];
export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookDelivery = Schemas['WebhookDeliveryPage']['items'][number];
export type Workspace = Schemas['Workspace'];
export type ApiKey = Schemas['ApiKey'];
export type ConversationWindow = Schemas['ConversationWindow'];
export type PreferenceChange = Schemas['PreferenceChangePage']['items'][number];
export type Channel = Chat['channel'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
