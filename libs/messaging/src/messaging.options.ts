import type { OwnershipTiming } from './ownership';
import type { PartitionSettings } from './partitions';
import type { RetryPolicy } from './retry-policy';

export interface MessagingOptions {
  /** The service's name: the durable consumer prefix, the request queue group, the DLQ segment. */
  service: string;
  natsUrl: string;
  namespace: string;
  streamReplicas: number;
  /** How long the INBOUND stream keeps raw webhooks (phones, bodies): default 24 hours. */
  inboundRetentionHours?: number;
  /** How long the DLQ stream keeps dead letters (payloads with phones, bodies): default 7 days. */
  deadLetterRetentionDays?: number;
  /** The service's NATS user and password; none: connect without credentials (a dev NATS). */
  user?: string;
  password?: string;
  /** TLS files (PEM): the CA to trust, and a client certificate and key. */
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
  /** How long failing messages are retried, released and kept before dead-lettering (retry-policy.ts). */
  retry?: Partial<RetryPolicy>;
  /** Partitions per stream for ordered events (default 16): the same for every service of an installation. */
  partitions?: PartitionSettings;
  /** Heartbeat, expiry and grace of partition ownership (ownership.ts; tests shorten them). */
  ownership?: Partial<OwnershipTiming>;
  /**
   * A file to which every ordered handling is appended as a JSON line (replica, consumer, key,
   * stream sequence, start and end in ms): the scale fault suite proves from it that no
   * conversation was ever handled on two replicas at once. Unset in production.
   */
  handlingLog?: string;
}

/** The NATS fields every service's config has (@app/config's baseConfigShape). */
export interface MessagingConfig {
  NATS_URL: string;
  NATS_NAMESPACE: string;
  NATS_STREAM_REPLICAS: number;
  INBOUND_RETENTION_HOURS?: number;
  DEAD_LETTER_RETENTION_DAYS?: number;
  RETRY_IN_PLACE_SECONDS?: number;
  RETRY_RELEASE_MAX_SECONDS?: number;
  DEAD_LETTER_AFTER_HOURS?: number;
  NATS_PARTITIONS?: number;
  NATS_PARTITIONS_BY_STREAM?: string;
  MESSAGING_HANDLING_LOG?: string;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  NATS_TLS_CA?: string;
  NATS_TLS_CERT?: string;
  NATS_TLS_KEY?: string;
}

/** The NATS user and TLS files of a config or an environment (TLS only when a CA or a certificate is set). */
export function natsCredentials(
  config: Pick<
    MessagingConfig,
    'NATS_USER' | 'NATS_PASSWORD' | 'NATS_TLS_CA' | 'NATS_TLS_CERT' | 'NATS_TLS_KEY'
  >,
): Pick<MessagingOptions, 'user' | 'password' | 'tls'> {
  return {
    user: config.NATS_USER,
    password: config.NATS_PASSWORD,
    tls:
      config.NATS_TLS_CA || config.NATS_TLS_CERT
        ? { caFile: config.NATS_TLS_CA, certFile: config.NATS_TLS_CERT, keyFile: config.NATS_TLS_KEY }
        : undefined,
  };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Per-handler consumer settings, given to @OnEvent. */
export interface ConsumerOptions {
  /**
   * Messages with the same key are handled one at a time, in stream order (a conversation), and
   * each partition by one replica at a time. On a partitioned contract the key must be its
   * `partitionBy` or finer (one conversation, one partition).
   */
  orderBy?: (payload: never) => string;
  /** Messages handled at once by one replica (default 64). */
  concurrency?: number;
  /** Attempts for a message whose handler keeps failing, before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** A durable name other than the default `<service>__<subject>`. */
  durable?: string;
  /** Subjects below the contract's to read (`chat.activity.>` for events published per workspace). */
  filterSubject?: string;
  /** How long a delivery stays unacknowledged before JetStream redelivers it (default 5 s); we heartbeat long handlers. */
  ackWaitMs?: number;
  /**
   * A lane of the contract (`laneOf`): this consumer reads `<subject>.<lane>` (and its
   * partitions) instead of the subject's own events; its durables are named after it.
   */
  lane?: string;
  /**
   * Deliveries JetStream holds unacknowledged for each of this consumer's durables (default
   * 4 × its share of the concurrency, at least 1000). Deferred messages (DeferDelivery) count until they come back: a consumer that
   * defers many sets it high, or it stops receiving until they do.
   */
  maxAckPending?: number;
  /**
   * Events this consumer ignores, told from the contract's header hints (`hints` in
   * libs/contracts) alone: true acks the message at once, before it is decoded, validated, traced
   * or queued behind its conversation, and it counts as `messaging_skipped_total`, not as handled.
   * A hint the publisher did not set is absent from `hints`: decide only on hints that are there.
   */
  skip?: (hints: Readonly<Record<string, string | undefined>>) => boolean;
  /** Deferrals one message may get; they do not count towards the poison limit (default 0). */
  maxDeferrals?: number;
}
