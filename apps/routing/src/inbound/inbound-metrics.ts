import type { ChannelClosure } from '@app/rules';
import { counter } from '@app/telemetry';

export type RejectReason = 'invalid_address' | 'unknown_number' | 'archived_number' | ChannelClosure;

const rejected = counter('routing_inbound_rejected_total', 'Inbound messages routing dropped, by reason', [
  'reason',
]);
const accepted = counter(
  'routing_inbound_accepted_total',
  'Inbound messages routing accepted, by channel and keyword',
  ['channel', 'keyword'],
);

export const inboundMetrics = {
  rejected: (reason: RejectReason) => rejected.inc({ reason }),
  accepted: (channel: string, keyword: string | null) =>
    accepted.inc({ channel, keyword: keyword ?? 'none' }),
};
