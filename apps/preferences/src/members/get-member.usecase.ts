import { Injectable } from '@nestjs/common';
import { type Member, type RequestPayload, type GetMember } from '@app/contracts';
import { found } from '@app/persistence';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';

@Injectable()
export class GetMemberUseCase {
  constructor(private readonly members: MembersRepository) {}

  async execute({ workspaceId, memberId }: RequestPayload<typeof GetMember>): Promise<Member> {
    const member = found(await this.members.findById(workspaceId, memberId), 'Member');
    return toMember(member);
  }
}
