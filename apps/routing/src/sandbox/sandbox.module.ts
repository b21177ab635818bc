import { Module } from '@nestjs/common';
import { GetSandboxMembershipUseCase } from './get-sandbox-membership.usecase';
import { SandboxHandlers } from './sandbox.handlers';
import { SandboxMembersRepository } from './sandbox-members.repository';

/** WhatsApp sandbox numbers: who sent the join code (recorded by inbound routing), asked by outbound. */
@Module({
  controllers: [SandboxHandlers],
  providers: [SandboxMembersRepository, GetSandboxMembershipUseCase],
  exports: [SandboxMembersRepository],
})
export class SandboxModule {}
