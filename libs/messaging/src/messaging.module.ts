import { type DynamicModule, Global, type INestApplication, Module } from '@nestjs/common';
import { JetStreamServer } from './jetstream.server';
import { MessagingClient } from './messaging.client';
import {
  MESSAGING_OPTIONS,
  natsCredentials,
  type MessagingConfig,
  type MessagingOptions,
} from './messaging.options';
import { NatsConnectionService } from './nats-connection';
import { DEFAULT_PARTITIONS, parsePartitionsByStream } from './partitions';

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, NatsConnectionService, MessagingClient],
      exports: [NatsConnectionService, MessagingClient],
    };
  }

  /** `forRoot` for a service, from the NATS fields of its validated config (@app/config's base shape). */
  static forService(service: string, config: MessagingConfig): DynamicModule {
    return MessagingModule.forRoot({
      service,
      natsUrl: config.NATS_URL,
      namespace: config.NATS_NAMESPACE,
      streamReplicas: config.NATS_STREAM_REPLICAS,
      inboundRetentionHours: config.INBOUND_RETENTION_HOURS,
      deadLetterRetentionDays: config.DEAD_LETTER_RETENTION_DAYS,
      retry: {
        ...(config.RETRY_IN_PLACE_SECONDS !== undefined && {
          inPlaceMs: config.RETRY_IN_PLACE_SECONDS * 1000,
        }),
        ...(config.RETRY_RELEASE_MAX_SECONDS !== undefined && {
          releaseMaxMs: config.RETRY_RELEASE_MAX_SECONDS * 1000,
        }),
        ...(config.DEAD_LETTER_AFTER_HOURS !== undefined && {
          deadLetterAfterMs: config.DEAD_LETTER_AFTER_HOURS * 3_600_000,
        }),
      },
      partitions: {
        default: config.NATS_PARTITIONS ?? DEFAULT_PARTITIONS,
        byStream: parsePartitionsByStream(config.NATS_PARTITIONS_BY_STREAM),
      },
      handlingLog: config.MESSAGING_HANDLING_LOG,
      ...natsCredentials(config),
    });
  }
}

/**
 * Attaches the JetStream transport to a NestJS app, so its @OnEvent and @OnRequest handlers
 * start with `app.startAllMicroservices()`.
 */
export async function connectJetStream(app: INestApplication): Promise<JetStreamServer> {
  const connection = app.get(NatsConnectionService);
  await connection.connect();
  const server = new JetStreamServer(connection);
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
