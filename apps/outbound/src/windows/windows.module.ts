import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { ConversationWindowEntity } from './conversation-window.entity';
import { ListWindowsUseCase } from './list-windows.usecase';
import { RecordInboundUseCase } from './record-inbound.usecase';
import { WindowsHandlers } from './windows.handlers';
import { WindowsRepository } from './windows.repository';

/** The 24-hour WhatsApp windows: projected from inbound messages, read before free-form sends. */
@Module({
  imports: [PersistenceModule.forFeature([ConversationWindowEntity])],
  controllers: [WindowsHandlers],
  providers: [WindowsRepository, RecordInboundUseCase, ListWindowsUseCase],
  exports: [WindowsRepository],
})
export class WindowsModule {}
