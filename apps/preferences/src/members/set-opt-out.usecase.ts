import { Injectable } from '@nestjs/common';
import { type Member, type RequestPayload, type SetMemberOptOut } from '@app/contracts';
import { found } from '@app/persistence';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';

export type SetOptOutCommand = RequestPayload<typeof SetMemberOptOut>;

/**
 * The account-level opt-out (STOP) and opt-in (START), for the member and its phone. `changed`
 * is false when the member was already in that state, so a retried or repeated keyword is
 * confirmed only once. With a `position` (the keyword's message), only a message newer than the
 * last one applied acts: messages handled out of order end in the state of the newest one.
 */
@Injectable()
export class SetOptOutUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly optOuts: OptOutWriter,
    private readonly cache: MemberCacheService,
  ) {}

  async execute(command: SetOptOutCommand): Promise<{ member: Member; changed: boolean }> {
    const { workspaceId, memberId, optedOut, channel, source, position } = command;
    const result = await this.members.transaction(async (manager) => {
      const member = found(await this.members.lockById(manager, workspaceId, memberId), 'Member');
      const changed = position
        ? (
            await this.optOuts.setInOrder(manager, member, optedOut, channel, source, {
              at: new Date(position.at),
              seq: position.seq,
            })
          ).changed
        : await this.optOuts.setNow(manager, member, optedOut, channel, source);
      return { member, changed };
    });
    if (result.changed) this.cache.memberChanged(workspaceId, memberId);
    return { member: toMember(result.member), changed: result.changed };
  }
}
