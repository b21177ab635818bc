import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { Namespace } from './namespace';
import { settleRequestsWithoutErrors } from './nats-request-settle';
import { inboxPrefix } from './permissions';
import { retryTransient } from './retry';

/**
 * Credentials, TLS and the private inbox of a service's connection: with `npm run nats:config`'s
 * permissions a service may only hear replies on `_INBOX_<service>.>`.
 */
export function natsAuthOptions(options: Pick<MessagingOptions, 'service' | 'user' | 'password' | 'tls'>) {
  return {
    inboxPrefix: inboxPrefix(options.service),
    ...(options.user ? { user: options.user, pass: options.password } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  };
}

/** One NATS connection per service process, reconnecting forever; drained last on shutdown. */
@Injectable()
export class NatsConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger('Nats');
  private connection?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  readonly namespace: Namespace;

  constructor(@Inject(MESSAGING_OPTIONS) readonly options: MessagingOptions) {
    this.namespace = new Namespace(options.namespace);
  }

  async connect(): Promise<NatsConnection> {
    if (this.connection) return this.connection;
    settleRequestsWithoutErrors();
    this.connecting ??= (async () => {
      const nc = await connect({
        servers: this.options.natsUrl.split(',').map((s) => s.trim()),
        name: this.options.service,
        // Async stack traces cost ~25% of publish throughput (see shared/PERFORMANCE.md).
        noAsyncTraces: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
        waitOnFirstConnect: true,
        timeout: 5_000,
        ...natsAuthOptions(this.options),
      });
      void this.watch(nc);
      this.connection = nc;
      this.js = jetstream(nc, { timeout: 10_000 });
      // Its first call asks JetStream for the account: a busy or restarting cluster may not answer in time.
      this.jsm = await retryTransient(() => jetstreamManager(nc, { timeout: 10_000 }), { forMs: 120_000 });
      return nc;
    })();
    return this.connecting;
  }

  /** Times the connection came back (a restarted server may have lost its latest consumer state). */
  get reconnects(): number {
    return this.reconnectCount;
  }

  private reconnectCount = 0;
  private readonly reconnectListeners: Array<() => void> = [];

  /** Called each time the connection comes back. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') this.logger.warn('NATS disconnected; reconnecting');
      else if (s.type === 'reconnect') {
        this.reconnectCount++;
        this.logger.log('NATS reconnected');
        this.reconnectListeners.forEach((listener) => listener());
      }
    }
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get jetstream(): JetStreamClient {
    if (!this.js) throw new Error('NATS is not connected yet');
    return this.js;
  }

  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected yet');
    return this.jsm;
  }

  /** Ready when connected and the server answers a round trip. */
  async isReady(): Promise<boolean> {
    const nc = this.connection;
    if (!nc || nc.isClosed() || nc.isDraining()) return false;
    try {
      await nc.flush();
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = this.connection;
    if (nc && !nc.isClosed()) {
      await nc.drain().catch(() => nc.close());
    }
  }
}
