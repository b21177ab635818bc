import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AppError,
  type ChangeSource,
  type Member,
  type RequestPayload,
  type CreateMember,
} from '@app/contracts';
import { mergeAttributes, DEFAULT_SWITCHES, switchChanges } from '@app/rules';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { cleanFields, type CleanFields } from './member-fields';
import { toMember } from './member-view';
import { MemberCreateKeysRepository } from './member-create-keys.repository';
import type { MemberEntity } from './member.entity';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';

/** A created member; `replayed` (only then) when its idempotency key had already created it. */
export type CreatedMember = Member & { replayed?: true };

/**
 * Creates a member with the default switches unless the caller sets them (audited if so), opted
 * out if its phone sent STOP before. With an idempotency key, the key is taken in the same
 * transaction as the member: a repeat (even one racing the first) answers the member the key
 * created, and a repeat with other fields is refused, changing nothing.
 */
@Injectable()
export class CreateMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly keys: MemberCreateKeysRepository,
    private readonly optOuts: OptOutWriter,
    @Inject(PREFERENCES_CONFIG) private readonly config: PreferencesConfig,
  ) {}

  async execute({
    workspaceId,
    fields,
    source,
    idempotencyKey,
  }: RequestPayload<typeof CreateMember>): Promise<CreatedMember> {
    const clean = cleanFields(fields, this.config.DEFAULT_PHONE_COUNTRY);
    const { member, replayed } = await this.members.transaction(async (manager) => {
      if (idempotencyKey === undefined)
        return { member: await this.insert(manager, workspaceId, clean, source), replayed: false };
      const memberId = randomUUID();
      if (await this.keys.claim(manager, workspaceId, idempotencyKey, clean, memberId))
        return { member: await this.insert(manager, workspaceId, clean, source, memberId), replayed: false };
      return { member: await this.replay(manager, workspaceId, idempotencyKey, clean), replayed: true };
    });
    return replayed ? { ...toMember(member), replayed } : toMember(member);
  }

  private async insert(
    manager: EntityManager,
    workspaceId: string,
    clean: CleanFields,
    source: ChangeSource,
    memberId?: string,
  ): Promise<MemberEntity> {
    const switches = { ...DEFAULT_SWITCHES, ...clean.switches };
    const member = await this.members.insertIfPhoneFree(
      workspaceId,
      {
        firstName: clean.firstName ?? null,
        lastName: clean.lastName ?? null,
        phone: clean.phone ?? null,
        email: clean.email ?? null,
        ...switches,
        attributes: mergeAttributes({}, clean.attributes ?? {}),
      },
      manager,
      memberId,
    );
    // Thrown inside the transaction: the key taken with it goes too, so a retry meets the same 409.
    if (!member)
      throw new AppError(
        'conflict',
        'phone: a member with this phone number already exists in this workspace.',
      );
    // A switch set away from its default at creation is consent given then: audit it.
    await this.members.recordChanges(manager, member, switchChanges(DEFAULT_SWITCHES, switches), source);
    await this.optOuts.inheritFromPhone(manager, member);
    return member;
  }

  /** The member an earlier request with this key created (claim waited for it to commit). */
  private async replay(
    manager: EntityManager,
    workspaceId: string,
    key: string,
    clean: CleanFields,
  ): Promise<MemberEntity> {
    const use = await this.keys.use(manager, workspaceId, key, clean);
    // Swept between the claim and this read: the client's retry finds the key free.
    if (!use) throw new AppError('unavailable', 'The Idempotency-Key was being released; retry.');
    if (!use.sameRequest)
      throw new AppError(
        'rule_violation',
        'Idempotency-Key: this key was already used to create a member with other fields; use a new key for a new member.',
      );
    const member = await this.members.findById(workspaceId, use.memberId, manager);
    if (!member)
      throw new AppError(
        'conflict',
        'Idempotency-Key: the member this key created has since been erased; use a new key to create them again.',
      );
    return member;
  }
}
