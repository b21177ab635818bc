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
}

/** The NATS fields every service's config has (@app/config's baseConfigShape). */
export interface MessagingConfig {
  NATS_URL: string;
  NATS_NAMESPACE: string;
  NATS_STREAM_REPLICAS: number;
  INBOUND_RETENTION_HOURS?: number;
  DEAD_LETTER_RETENTION_DAYS?: number;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  NATS_TLS_CA?: string;
  NATS_TLS_CERT?: string;
  NATS_TLS_KEY?: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Per-handler consumer settings, given to @OnEvent. */
export interface ConsumerOptions {
  /** Messages with the same key are handled one at a time, in stream order (a conversation). */
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
}
