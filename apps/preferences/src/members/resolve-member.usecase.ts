import { Injectable } from '@nestjs/common';
import { type Member, type RequestPayload, type ResolveMember } from '@app/contracts';
import { MemberCacheService } from '../member-cache/member-cache.service';
import type { MemberEntity } from './member.entity';
import { toMember } from './member-view';
import { AddressOptOutsRepository } from './address-opt-outs.repository';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';
import { DEFAULT_SWITCHES } from '@app/rules';

/**
 * The member behind an inbound message: found by phone, or created with the default switches
 * (opted out if the phone sent STOP before, under a member that is gone or re-numbered).
 * Safe under concurrency: two first messages from one number at once give one member (the loser
 * of the insert finds the winner's row).
 */
@Injectable()
export class ResolveMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly addresses: AddressOptOutsRepository,
    private readonly optOuts: OptOutWriter,
    private readonly cache: MemberCacheService,
  ) {}

  async execute({
    workspaceId,
    phone,
    profileName,
  }: RequestPayload<typeof ResolveMember>): Promise<{ member: Member; created: boolean }> {
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
    if (inserted) return { member: toMember(await this.withPhoneOptOut(inserted, phone)), created: true };

    const winner = await this.members.findByPhone(workspaceId, phone);
    // Only a delete between the conflicting insert and this read could get here.
    if (!winner) throw new Error('Member vanished while being resolved');
    return { member: toMember(await this.fillName(winner, name)), created: false };
  }

  /** The phone's own opt-out, looked up (and applied under a lock) only for a new member. */
  private async withPhoneOptOut(member: MemberEntity, phone: string): Promise<MemberEntity> {
    if (!(await this.addresses.find(member.workspaceId, phone))?.optedOut) return member;
    return this.members.transaction(async (manager) => {
      const locked = (await this.members.lockById(manager, member.workspaceId, member.id)) ?? member;
      await this.optOuts.inheritFromPhone(manager, locked);
      return locked;
    });
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
