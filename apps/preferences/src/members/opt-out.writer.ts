import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChangeSource, Channel } from '@app/contracts';
import { decideOptOutOrder, newestPosition, type OptOutOrderDecision, type SourcePosition } from '@app/rules';
import { AddressOptOutsRepository } from './address-opt-outs.repository';
import type { MemberEntity } from './member.entity';
import { MembersRepository } from './members.repository';

/** Where an opt-out inherited from the member's phone comes from, in the audit trail. */
const PHONE_OPTED_OUT: ChangeSource = { type: 'system', ref: 'phone opted out' };

const memberPosition = (member: MemberEntity): SourcePosition | null =>
  member.optOutSourceAt ? { at: member.optOutSourceAt, seq: Number(member.optOutSourceSeq ?? 0) } : null;

/**
 * The one way a member's opt-out changes, inside the caller's transaction with the member
 * locked: the member, the audit trail and the opt-out of the member's phone move together, with
 * the position of the message behind the change (`SourcePosition` in `@app/rules`).
 */
@Injectable()
export class OptOutWriter {
  constructor(
    private readonly members: MembersRepository,
    private readonly addresses: AddressOptOutsRepository,
  ) {}

  /**
   * A STOP/START from a message: applied only when newer than the last one applied to the
   * member or to its phone (`decideOptOutOrder`); an older one is recorded as ignored, a
   * redelivery of the last one does nothing. `changed` as in `set`.
   */
  async setInOrder(
    manager: EntityManager,
    member: MemberEntity,
    optedOut: boolean,
    channel: Channel | null,
    source: ChangeSource,
    position: SourcePosition,
  ): Promise<{ changed: boolean; decision: OptOutOrderDecision }> {
    const current = await this.currentPosition(manager, member);
    const decision = decideOptOutOrder(
      { optedOut: member.optedOut, position: current },
      { optedOut, position },
    );
    if (decision === 'ignore')
      await this.members.recordIgnoredOptOut(manager, member, optedOut, source, position);
    if (decision !== 'apply' && decision !== 'advance') return { changed: false, decision };
    return { changed: await this.set(manager, member, optedOut, channel, source, position), decision };
  }

  /**
   * A person's change (api): it is "now", after every message received so far, so it always
   * applies; the position it leaves is now (or the newest seen, should a clock run ahead).
   */
  async setNow(
    manager: EntityManager,
    member: MemberEntity,
    optedOut: boolean,
    channel: Channel | null,
    source: ChangeSource,
  ): Promise<boolean> {
    const position = newestPosition({ at: new Date(), seq: 0 }, await this.currentPosition(manager, member));
    return this.set(manager, member, optedOut, channel, source, position);
  }

  /** Sets the member's opt-out; false when it already had that state (its phone is brought in line all the same). */
  private async set(
    manager: EntityManager,
    member: MemberEntity,
    optedOut: boolean,
    channel: Channel | null,
    source: ChangeSource,
    position: SourcePosition | null,
  ): Promise<boolean> {
    const changed = member.optedOut !== optedOut;
    if (changed) {
      member.optedOut = optedOut;
      member.optedOutAt = optedOut ? new Date() : null;
      member.optedOutChannel = optedOut ? channel : null;
    }
    if (position) {
      member.optOutSourceAt = position.at;
      member.optOutSourceSeq = String(position.seq);
    }
    if (changed || position) await this.members.save(manager, member);
    if (changed)
      await this.members.recordChanges(
        manager,
        member,
        [{ field: 'optedOut', oldValue: !optedOut, newValue: optedOut }],
        source,
        position,
      );
    if (member.phone)
      await this.addresses.record(manager, member.workspaceId, member.phone, {
        optedOut,
        channel: optedOut ? channel : null,
        source,
        position,
      });
    return changed;
  }

  /** The last STOP/START applied to the member or to its phone, whichever is newer. */
  private async currentPosition(
    manager: EntityManager,
    member: MemberEntity,
  ): Promise<SourcePosition | null> {
    const address = member.phone
      ? await this.addresses.find(member.workspaceId, member.phone, manager)
      : null;
    return newestPosition(memberPosition(member), address?.position);
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
    // The STOP's position comes along, so an older START delivered late cannot undo it.
    const position = newestPosition(memberPosition(member), address.position);
    member.optOutSourceAt = position?.at ?? null;
    member.optOutSourceSeq = position ? String(position.seq) : null;
    await this.members.save(manager, member);
    await this.members.recordChanges(
      manager,
      member,
      [{ field: 'optedOut', oldValue: false, newValue: true }],
      PHONE_OPTED_OUT,
      position,
    );
    return true;
  }
}
