import { Inject, Injectable } from '@nestjs/common';
import { AppError, type ChangeSource, type Member } from '@app/contracts';
import { mergeAttributes } from '@app/rules';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { DEFAULT_SWITCHES, switchChanges } from './member-defaults';
import { cleanFields, type MemberFieldsInput } from './member-fields';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';

/**
 * Creates a member with the default switches unless the caller sets them (audited if so), opted
 * out if its phone sent STOP before.
 */
@Injectable()
export class CreateMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly optOuts: OptOutWriter,
    @Inject(PREFERENCES_CONFIG) private readonly config: PreferencesConfig,
  ) {}

  async execute(workspaceId: string, fields: MemberFieldsInput, source: ChangeSource): Promise<Member> {
    const clean = cleanFields(fields, this.config.DEFAULT_PHONE_COUNTRY);
    const switches = { ...DEFAULT_SWITCHES, ...clean.switches };
    const created = await this.members.transaction(async (manager) => {
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
      );
      if (!member)
        throw new AppError(
          'conflict',
          'phone: a member with this phone number already exists in this workspace.',
        );
      // A switch set away from its default at creation is consent given then: audit it.
      await this.members.recordChanges(manager, member, switchChanges(DEFAULT_SWITCHES, switches), source);
      await this.optOuts.inheritFromPhone(manager, member);
      return member;
    });
    return toMember(created);
  }
}
