import { Injectable } from '@nestjs/common';
import { type Member, type RequestPayload, type CheckSend } from '@app/contracts';
import { decideSend, type SendDecision } from '@app/rules';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { toMember } from '../members/member-view';
import { MembersRepository } from '../members/members.repository';

/** "May I send?", from the member cache: a hit answers without touching the database. */
@Injectable()
export class CheckSendUseCase {
  constructor(
    private readonly cache: MemberCacheService,
    private readonly members: MembersRepository,
  ) {}

  async execute({
    workspaceId,
    memberId,
    channel,
    kind,
  }: RequestPayload<typeof CheckSend>): Promise<SendDecision<Member>> {
    const member = await this.cache.read(workspaceId, memberId, async () => {
      const row = await this.members.findById(workspaceId, memberId);
      return row ? toMember(row) : null;
    });
    return decideSend(member, channel, kind);
  }
}
