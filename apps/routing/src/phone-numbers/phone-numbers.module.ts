import { Module } from '@nestjs/common';
import { AccountNumbers } from './account-numbers';
import { PersistenceModule } from '@app/persistence';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { PhoneNumberEntity } from './phone-number.entity';
import { PhoneNumbersHandlers } from './phone-numbers.handlers';
import { PhoneNumbersUseCase } from './phone-numbers.usecase';
import { InboundNumberDirectory } from './inbound-number.directory';

@Module({
  imports: [PersistenceModule.forFeature([PhoneNumberEntity]), WorkspacesModule],
  controllers: [PhoneNumbersHandlers],
  providers: [PhoneNumbersUseCase, InboundNumberDirectory, AccountNumbers],
  exports: [InboundNumberDirectory],
})
export class PhoneNumbersModule {}
