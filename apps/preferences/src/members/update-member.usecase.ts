import { Inject, Injectable } from '@nestjs/common';
import { AppError, type Member, type RequestPayload, type UpdateMember } from '@app/contracts';
import { isUniqueViolation, found } from '@app/persistence';
import { attributesProblem, mergeAttributes, switchChanges, type SwitchField } from '@app/rules';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { cleanFields } from './member-fields';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';

/** Changes member fields, switches and the opt-out; each change is audited in the same transaction. */
@Injectable()
export class UpdateMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly optOuts: OptOutWriter,
    private readonly cache: MemberCacheService,
    @Inject(PREFERENCES_CONFIG) private readonly config: PreferencesConfig,
  ) {}

  async execute({
    workspaceId,
    memberId,
    patch: { optedOut, ...patch },
    source,
  }: RequestPayload<typeof UpdateMember>): Promise<Member> {
    const clean = cleanFields(patch, this.config.DEFAULT_PHONE_COUNTRY);
    let changed = false;
    let updated;
    try {
      updated = await this.members.transaction(async (manager) => {
        const member = found(await this.members.lockById(manager, workspaceId, memberId), 'Member');
        const changes = switchChanges(member, clean.switches);
        const before = JSON.stringify(member);
        if (clean.firstName !== undefined) member.firstName = clean.firstName;
        if (clean.lastName !== undefined) member.lastName = clean.lastName;
        if (clean.phone !== undefined && clean.phone !== member.phone) {
          if (clean.phone && (await this.members.findByPhone(workspaceId, clean.phone, manager)))
            throw phoneTaken();
          member.phone = clean.phone;
          // A phone that sent STOP keeps its opt-out under its new member.
          await this.optOuts.inheritFromPhone(manager, member);
        }
        if (clean.email !== undefined) member.email = clean.email;
        if (clean.attributes !== undefined) {
          member.attributes = mergeAttributes(member.attributes, clean.attributes);
          // The merged whole is bounded too (each patch alone may be within the limits).
          const problem = attributesProblem(member.attributes);
          if (problem) throw new AppError('invalid_input', `attributes: ${problem}`);
        }
        for (const change of changes) member[change.field as SwitchField] = change.newValue;
        if (JSON.stringify(member) !== before) {
          changed = true;
          await this.members.save(manager, member);
          await this.members.recordChanges(manager, member, changes, source);
        }
        // The opt-out as STOP/START set it (after a phone change, so the new phone follows); a
        // person's change is "now" and applies over any message received before it.
        if (optedOut !== undefined && (await this.optOuts.setNow(manager, member, optedOut, null, source)))
          changed = true;
        return member;
      });
    } catch (error) {
      // Two members taking one free phone at once: the database's unique index decides.
      if (isUniqueViolation(error)) throw phoneTaken();
      throw error;
    }
    if (changed) this.cache.memberChanged(workspaceId, memberId);
    return toMember(updated);
  }
}

const phoneTaken = () =>
  new AppError('conflict', 'phone: another member of this workspace already has this phone number.');
