import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { AddressOptOutsRepository } from './address-opt-outs.repository';
import { CreateMemberUseCase } from './create-member.usecase';
import { EraseMemberUseCase } from './erase-member.usecase';
import { GetMemberUseCase } from './get-member.usecase';
import { ListChangesUseCase } from './list-changes.usecase';
import { ListMembersUseCase } from './list-members.usecase';
import { MemberCreateKeysRepository } from './member-create-keys.repository';
import { MemberCreateKeysSweeper } from './member-create-keys.sweeper';
import { MemberEntity } from './member.entity';
import { MembersHandlers } from './members.handlers';
import { MembersRepository } from './members.repository';
import { OptOutWriter } from './opt-out.writer';
import { PreferenceChangeEntity } from './preference-change.entity';
import { ResolveMemberUseCase } from './resolve-member.usecase';
import { SetOptOutUseCase } from './set-opt-out.usecase';
import { UpdateMemberUseCase } from './update-member.usecase';

/** Members, their switches and opt-out, the audit trail, member filters. */
@Module({
  imports: [PersistenceModule.forFeature([MemberEntity, PreferenceChangeEntity])],
  controllers: [MembersHandlers],
  providers: [
    MembersRepository,
    MemberCreateKeysRepository,
    MemberCreateKeysSweeper,
    AddressOptOutsRepository,
    OptOutWriter,
    CreateMemberUseCase,
    GetMemberUseCase,
    ListMembersUseCase,
    UpdateMemberUseCase,
    ResolveMemberUseCase,
    SetOptOutUseCase,
    ListChangesUseCase,
    EraseMemberUseCase,
  ],
  exports: [MembersRepository, AddressOptOutsRepository],
})
export class MembersModule {}
