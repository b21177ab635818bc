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
/** How long sends wait for their sender's rate slot. */
export const rateSlotWait = histogram(
  'outbound_rate_slot_wait_seconds',
  "Time a send waited for its sender's rate slot",
  ['channel'],
);
/** Sends that woke too late for their slot and booked another. */
export const rateSlotRetakes = counter(
  'outbound_rate_slot_retakes_total',
  'Sends late for their rate slot that booked a new one',
);
