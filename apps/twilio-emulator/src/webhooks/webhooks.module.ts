import { Module } from '@nestjs/common';
import { SignedWebhookClient } from './signed-webhook.client';

/** Outgoing signed HTTP requests to the application (inbound messages, status callbacks). */
@Module({ providers: [SignedWebhookClient], exports: [SignedWebhookClient] })
export class WebhooksModule {}
