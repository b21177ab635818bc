import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { STREAMS, type StreamName } from '@app/contracts';
import type { MessagingOptions } from './messaging.options';
import type { Namespace } from './namespace';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type StreamSettings = Pick<
  MessagingOptions,
  'streamReplicas' | 'inboundRetentionHours' | 'deadLetterRetentionDays'
>;

/**
 * How long a stream keeps its messages. INBOUND (raw webhooks) and DLQ (dead letters) hold phone
 * numbers and bodies, so theirs is the operator's (INBOUND_RETENTION_HOURS, default 24 hours;
 * DEAD_LETTER_RETENTION_DAYS, default 7 days); the other streams keep 7 days.
 */
export function streamMaxAgeMs(name: StreamName, settings: StreamSettings): number {
  if (name === 'INBOUND') return (settings.inboundRetentionHours ?? 24) * HOUR_MS;
  if (name === 'DLQ') return (settings.deadLetterRetentionDays ?? 7) * DAY_MS;
  return 7 * DAY_MS;
}

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError
    ? error.code === 404 || error.apiError().err_code === 10059 || error.apiError().err_code === 10014
    : /not found/i.test(String(error));
}

function streamConfig(
  ns: Namespace,
  name: StreamName,
  settings: StreamSettings,
): Partial<StreamConfig> & { name: string } {
  return {
    name: ns.stream(name),
    subjects: ns.streamSubjects(name),
    description: STREAMS[name].description,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: settings.streamReplicas,
    // JetStream drops a second publish with the same Nats-Msg-Id inside this window.
    duplicate_window: nanos(2 * 60 * 1000),
    max_age: nanos(streamMaxAgeMs(name, settings)),
  };
}

/**
 * Creates each stream if missing, or updates it to the declared settings. Safe to run from every
 * replica at once: a concurrent "already in use" is settled by updating.
 *
 * With `settings.service`, only the stream's owner (or anyone, for the shared DLQ) updates it to the declared
 * settings; another service that publishes or consumes on it creates it when it is missing (with
 * the same declared settings, so start order does not matter) but never changes it. Under
 * `npm run nats:config`'s permissions that is all it may do.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  ns: Namespace,
  names: StreamName[],
  settings: StreamSettings & { service?: string },
): Promise<void> {
  for (const name of new Set(names)) {
    const owner: string = STREAMS[name].owner;
    const config = streamConfig(ns, name, settings);
    if (settings.service === undefined || owner === settings.service || owner === 'shared') {
      await createOrUpdate(jsm, config);
      continue;
    }
    await ensureExists(jsm, config, () => undefined);
  }
}

/** The streams a service creates and keeps to their declared settings at start. */
export const ownedStreams = (service: string): StreamName[] =>
  (Object.keys(STREAMS) as StreamName[]).filter((name) => STREAMS[name].owner === service);

/**
 * Updates only what differs: every update rewrites the stream's metadata file, and nats-server 2.9
 * killed in the middle of that write does not restore the stream at all on restart (a fault run
 * lost the CONVERSATION stream that way, its owner having restarted half a second before NATS).
 */
async function createOrUpdate(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }) {
  await ensureExists(jsm, config, async (current) => {
    if (differs(config, current?.config ?? (await jsm.streams.info(config.name)).config))
      await jsm.streams.update(config.name, config);
  });
}

/** True when a declared setting is not what the server holds (lists compared as sets). */
export function differs(declared: object, actual: object): boolean {
  const normal = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...(v as unknown[])].sort() : v);
  const held = actual as Record<string, unknown>;
  return Object.entries(declared).some(([key, value]) => normal(value) !== normal(held[key]));
}

/**
 * Adds the stream unless it exists; `existing` runs when it does (found, or added meanwhile by
 * another replica).
 */
async function ensureExists(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
  existing: (found?: StreamInfo) => Promise<unknown> | void,
) {
  let found: StreamInfo | undefined;
  try {
    found = await jsm.streams.info(config.name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
      return;
    } catch (addError) {
      if (!/already in use/i.test(String(addError))) throw addError;
    }
  }
  await existing(found);
}

/** A durable, explicitly acknowledged pull consumer shared by every replica of the service. */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  filterSubject: string,
  ackWaitMs: number,
  maxAckPending: number,
): Promise<void> {
  const config = {
    durable_name: durable,
    filter_subject: filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(ackWaitMs),
    max_ack_pending: maxAckPending,
    // Retries are ours (in place, to keep conversation order); JetStream redelivers after a crash.
    max_deliver: -1,
  };
  try {
    const current = await jsm.consumers.info(stream, durable);
    // Only on a change: like a stream's, every update rewrites the consumer's metadata file.
    const settings = { ack_wait: config.ack_wait, max_ack_pending: maxAckPending };
    if (differs(settings, current.config)) await jsm.consumers.update(stream, durable, settings);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.consumers.add(stream, config);
    } catch (addError) {
      if (!/already (exists|in use)/i.test(String(addError))) throw addError;
    }
  }
}
