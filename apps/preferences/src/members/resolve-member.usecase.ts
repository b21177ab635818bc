import { Injectable } from '@nestjs/common';
import type { Member } from '@app/contracts';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { DEFAULT_SWITCHES } from './member-defaults';
import type { MemberEntity } from './member.entity';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';

/**
 * The member behind an inbound message: found by phone, or created with the default switches.
 * Safe under concurrency: two first messages from one number at once give one member (the loser
 * of the insert finds the winner's row).
 */
@Injectable()
export class ResolveMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly cache: MemberCacheService,
  ) {}

  async execute(
    workspaceId: string,
    phone: string,
    profileName: string | null,
  ): Promise<{ member: Member; created: boolean }> {
    const name = profileName?.trim().slice(0, 200) || null;
    const existing = await this.members.findByPhone(workspaceId, phone);
    if (existing) return { member: toMember(await this.fillName(existing, name)), created: false };

    const inserted = await this.members.insertIfPhoneFree(workspaceId, {
      firstName: name,
      lastName: null,
      phone,
      email: null,
      ...DEFAULT_SWITCHES,
    });
    if (inserted) return { member: toMember(inserted), created: true };

    const winner = await this.members.findByPhone(workspaceId, phone);
    // Only a delete between the conflicting insert and this read could get here.
    if (!winner) throw new Error('Member vanished while being resolved');
    return { member: toMember(await this.fillName(winner, name)), created: false };
  }

  /** A WhatsApp profile name fills an empty first name, never replaces one. */
  private async fillName(member: MemberEntity, name: string | null): Promise<MemberEntity> {
    if (!name || member.firstName) return member;
    if (await this.members.fillFirstName(member.workspaceId, member.id, name)) {
      this.cache.memberChanged(member.workspaceId, member.id);
      member.firstName = name;
    }
    return member;
  }
}
