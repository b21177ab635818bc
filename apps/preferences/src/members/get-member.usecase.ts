import { Injectable } from '@nestjs/common';
import { AppError, type Member } from '@app/contracts';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';

@Injectable()
export class GetMemberUseCase {
  constructor(private readonly members: MembersRepository) {}

  async execute(workspaceId: string, memberId: string): Promise<Member> {
    const member = await this.members.findById(workspaceId, memberId);
    if (!member) throw AppError.notFound('Member');
    return toMember(member);
  }
}
