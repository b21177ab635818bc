import { Injectable } from '@nestjs/common';
import { AppError, type Channel, type ChangeSource, type Member } from '@app/contracts';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';

/**
 * The account-level opt-out (STOP) and opt-in (START), for the member and its phone. `changed`
 * is false when the member was already in that state, so a retried or repeated keyword is
 * confirmed only once.
 */
@Injectable()
export class SetOptOutUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly optOuts: OptOutWriter,
    private readonly cache: MemberCacheService,
  ) {}

  async execute(
    workspaceId: string,
    memberId: string,
    optedOut: boolean,
    channel: Channel,
    source: ChangeSource,
  ): Promise<{ member: Member; changed: boolean }> {
    const result = await this.members.transaction(async (manager) => {
      const member = await this.members.lockById(manager, workspaceId, memberId);
      if (!member) throw AppError.notFound('Member');
      const changed = await this.optOuts.set(manager, member, optedOut, channel, source);
      return { member, changed };
    });
    if (result.changed) this.cache.memberChanged(workspaceId, memberId);
    return { member: toMember(result.member), changed: result.changed };
  }
}
