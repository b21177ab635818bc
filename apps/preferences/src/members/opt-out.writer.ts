import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChangeSource, Channel } from '@app/contracts';
import { AddressOptOutsRepository } from './address-opt-outs.repository';
import type { MemberEntity } from './member.entity';
import { MembersRepository } from './members.repository';

/** Where an opt-out inherited from the member's phone comes from, in the audit trail. */
const PHONE_OPTED_OUT: ChangeSource = { type: 'system', ref: 'phone opted out' };

/**
 * The one way a member's opt-out changes, inside the caller's transaction with the member
 * locked: the member, the audit trail and the opt-out of the member's phone move together.
 */
@Injectable()
export class OptOutWriter {
  constructor(
    private readonly members: MembersRepository,
    private readonly addresses: AddressOptOutsRepository,
  ) {}

  /** Sets the member's opt-out; false when it already had that state (its phone is brought in line all the same). */
  async set(
    manager: EntityManager,
    member: MemberEntity,
    optedOut: boolean,
    channel: Channel | null,
    source: ChangeSource,
  ): Promise<boolean> {
    const changed = member.optedOut !== optedOut;
    if (changed) {
      member.optedOut = optedOut;
      member.optedOutAt = optedOut ? new Date() : null;
      member.optedOutChannel = optedOut ? channel : null;
      await this.members.save(manager, member);
      await this.members.recordChanges(
        manager,
        member,
        [{ field: 'optedOut', oldValue: !optedOut, newValue: optedOut }],
        source,
      );
    }
    if (member.phone)
      await this.addresses.record(manager, member.workspaceId, member.phone, {
        optedOut,
        channel: optedOut ? channel : null,
        source,
      });
    return changed;
  }

  /**
   * A member whose phone sent STOP (under an earlier member, or before it was this member's)
   * is opted out from the start: a STOP is never lost by creating or re-numbering a member.
   */
  async inheritFromPhone(manager: EntityManager, member: MemberEntity): Promise<boolean> {
    if (!member.phone || member.optedOut) return false;
    const address = await this.addresses.find(member.workspaceId, member.phone, manager);
    if (!address?.optedOut) return false;
    member.optedOut = true;
    member.optedOutAt = address.changedAt;
    member.optedOutChannel = address.channel;
    await this.members.save(manager, member);
    await this.members.recordChanges(
      manager,
      member,
      [{ field: 'optedOut', oldValue: false, newValue: true }],
      PHONE_OPTED_OUT,
    );
    return true;
  }
}
