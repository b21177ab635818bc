import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EMULATOR_CONFIG, type EmulatorConfig } from './config';
import { ContentModule } from './content/content.module';
import { InteractiveModule } from './content/interactive.module';
import { ControlModule } from './control/control.module';
import { HealthController } from './health/health.controller';
import { InboundModule } from './inbound/inbound.module';
import { MediaModule } from './media/media.module';
import { MessagesModule } from './messages/messages.module';
import { NumbersModule } from './numbers/numbers.module';

@Global()
@Module({})
class EmulatorConfigModule {
  static forRoot(config: EmulatorConfig): DynamicModule {
    return {
      module: EmulatorConfigModule,
      providers: [{ provide: EMULATOR_CONFIG, useValue: config }],
      exports: [EMULATOR_CONFIG],
    };
  }
}

/** The whole emulator: Messages API, status callbacks, WhatsApp rules, inbound phone, control, health. */
@Module({})
export class TwilioEmulatorModule {
  static forRoot(config: EmulatorConfig): DynamicModule {
    return {
      module: TwilioEmulatorModule,
      imports: [
        EmulatorConfigModule.forRoot(config),
        MessagesModule,
        NumbersModule,
        InboundModule,
        ControlModule,
        MediaModule,
        ContentModule,
        InteractiveModule,
      ],
      controllers: [HealthController],
    };
  }
}
