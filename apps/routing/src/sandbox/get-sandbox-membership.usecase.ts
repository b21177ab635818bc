import { Injectable } from '@nestjs/common';
import type { RequestPayload } from '@app/contracts';
import type { GetSandboxMembership } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { SandboxMembersRepository } from './sandbox-members.repository';

/** Has an address joined a sandbox number? Outbound asks before a WhatsApp send from one. */
@Injectable()
export class GetSandboxMembershipUseCase {
  constructor(private readonly members: SandboxMembersRepository) {}

  async execute(command: RequestPayload<typeof GetSandboxMembership>): Answer<typeof GetSandboxMembership> {
    const joinedAt = await this.members.joinedAt(command.workspaceId, command.phoneNumberId, command.address);
    return { joined: joinedAt !== null, joinedAt: joinedAt?.toISOString() ?? null };
  }
}
