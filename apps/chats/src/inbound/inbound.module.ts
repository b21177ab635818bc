import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { createMediaStore } from '@app/media';
import { SERVICE_CONFIG } from '@app/runtime';
import type { ChatsConfig } from '../config';
import { MediaIntake } from '../media/media-intake';
import { MediaDiagnosticsPublisher } from '../media/media-diagnostics.publisher';
import { Transcriber } from '../media/transcriber';
import { StoreModule } from '../store/store.module';
import { InboundHandlers } from './inbound.handlers';
import { ReceiveInboundUseCase } from './receive-inbound.usecase';
import { StoreInboundMessageUseCase } from './store-inbound-message.usecase';
import { TurnPublisher } from './turn.publisher';

/** Accepted inbound messages into chats, and the workflow's turn. */
@Module({
  imports: [StoreModule, ActivityModule, LifecycleModule],
  controllers: [InboundHandlers],
  providers: [
    StoreInboundMessageUseCase,
    TurnPublisher,
    MediaDiagnosticsPublisher,
    ReceiveInboundUseCase,
    { provide: MediaIntake, useFactory: mediaIntake, inject: [SERVICE_CONFIG] },
  ],
})
export class InboundModule {}

function mediaIntake(config: ChatsConfig): MediaIntake {
  const transcriptionUrl = config.TRANSCRIPTION_BASE_URL ?? config.LLM_BASE_URL;
  return new MediaIntake({
    store: createMediaStore(config),
    credentials:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? { username: config.TWILIO_ACCOUNT_SID, password: config.TWILIO_AUTH_TOKEN }
        : undefined,
    transcriber: transcriptionUrl
      ? new Transcriber({
          baseUrl: transcriptionUrl,
          apiKey: config.TRANSCRIPTION_API_KEY ?? config.LLM_API_KEY,
          model: config.TRANSCRIPTION_MODEL,
          timeoutMs: 30_000,
        })
      : undefined,
    downloadTimeoutMs: 20_000,
  });
}
