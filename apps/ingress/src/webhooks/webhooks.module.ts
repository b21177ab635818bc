import { type DynamicModule, Module } from '@nestjs/common';
import { TwilioAccounts } from './twilio-accounts';
import { WebhookController } from './webhook.controller';
import { WEBHOOK_SETTINGS, WebhookIntake, type WebhookSettings } from './webhook-intake.service';
import { WebhookPublisher } from './webhook-publisher';

export interface WebhooksConfig {
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  TWILIO_EXTRA_ACCOUNTS?: string;
  PUBLIC_BASE_URL?: string;
}

/** Twilio's messaging and status webhooks: validated, made durable on JetStream, answered. */
@Module({})
export class WebhooksModule {
  static forRoot(config: WebhooksConfig): DynamicModule {
    const settings: WebhookSettings = {
      accounts: TwilioAccounts.fromConfig(config),
      publicBaseUrl: config.PUBLIC_BASE_URL,
    };
    return {
      module: WebhooksModule,
      controllers: [WebhookController],
      providers: [{ provide: WEBHOOK_SETTINGS, useValue: settings }, WebhookPublisher, WebhookIntake],
    };
  }
}
