import { counter } from '@app/telemetry';

export type WebhookKind = 'messaging' | 'status';
export type RejectReason =
  | 'not_form'
  | 'malformed'
  | 'missing_signature'
  | 'unknown_account'
  | 'bad_signature'
  | 'too_large'
  | 'unavailable';

const accepted = counter(
  'ingress_webhooks_accepted_total',
  'Twilio webhooks stored on JetStream and answered 200',
  ['webhook', 'duplicate'],
);
const rejected = counter(
  'ingress_webhooks_rejected_total',
  'Twilio webhooks refused or not stored, by reason',
  ['webhook', 'reason'],
);

// Children bound once: the hot path only increments.
const acceptedNew = {
  messaging: accepted.labels('messaging', 'false'),
  status: accepted.labels('status', 'false'),
};
const acceptedDuplicate = {
  messaging: accepted.labels('messaging', 'true'),
  status: accepted.labels('status', 'true'),
};

export const webhookMetrics = {
  accepted(kind: WebhookKind, duplicate: boolean): void {
    (duplicate ? acceptedDuplicate : acceptedNew)[kind].inc();
  },
  rejected(kind: WebhookKind | 'unknown', reason: RejectReason): void {
    rejected.inc({ webhook: kind, reason });
  },
};
