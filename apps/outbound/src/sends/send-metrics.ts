import { counter, histogram } from '@app/telemetry';

/** How sends end up, by channel and status (skipped/failed carry no reason label: it is free text). */
export const sendsSettled = counter(
  'outbound_sends_settled_total',
  'Sends settled by the delivery path, by channel and status',
  ['channel', 'status'],
);
/** Twilio calls that did not succeed, by outcome (retry, uncertain, final). */
export const twilioCallFailures = counter(
  'outbound_twilio_call_failures_total',
  'Twilio create calls that failed, by outcome',
  ['outcome'],
);
/** How long sends wait for their sender's rate turn (0: admitted at once). */
export const rateSlotWait = histogram(
  'outbound_rate_slot_wait_seconds',
  "Time a send waited for its sender's rate slot",
  ['channel'],
);
/** Sends refused at their turn (the sender's rate was used meanwhile) that were booked another. */
export const rateSlotRetakes = counter(
  'outbound_rate_slot_retakes_total',
  "Sends refused at their rate turn (the sender's rate used meanwhile) that were booked a later one",
);
