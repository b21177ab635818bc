import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AccountNumbers } from './account-numbers';
import { InboundNumberDirectory } from './inbound-number.directory';
import { PhoneNumberEntity } from './phone-number.entity';
import { PhoneNumberStore } from './phone-number-store';
import { PhoneNumbersHandlers } from './phone-numbers.handlers';

@Module({
  imports: [PersistenceModule.forFeature([PhoneNumberEntity]), WorkspacesModule],
  controllers: [PhoneNumbersHandlers],
  providers: [PhoneNumberStore, ...PhoneNumbersHandlers.useCases, InboundNumberDirectory, AccountNumbers],
  exports: [InboundNumberDirectory],
})
export class PhoneNumbersModule {}
