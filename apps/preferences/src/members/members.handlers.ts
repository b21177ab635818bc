import { Controller } from '@nestjs/common';
import {
  CreateMember,
  EraseMember,
  GetMember,
  ListMembers,
  ListPreferenceChanges,
  ResolveMember,
  SetMemberOptOut,
  UpdateMember,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CreateMemberUseCase } from './create-member.usecase';
import { EraseMemberUseCase } from './erase-member.usecase';
import { GetMemberUseCase } from './get-member.usecase';
import { ListChangesUseCase } from './list-changes.usecase';
import { ListMembersUseCase } from './list-members.usecase';
import { ResolveMemberUseCase } from './resolve-member.usecase';
import { SetOptOutUseCase } from './set-opt-out.usecase';
import { UpdateMemberUseCase } from './update-member.usecase';

/** rpc.preferences.member.*: payloads arrive validated against the contracts. */
@Controller()
export class MembersHandlers extends HandOver(
  answer(CreateMember, CreateMemberUseCase),
  answer(GetMember, GetMemberUseCase),
  answer(ListMembers, ListMembersUseCase),
  answer(UpdateMember, UpdateMemberUseCase),
  answer(ResolveMember, ResolveMemberUseCase),
  answer(SetMemberOptOut, SetOptOutUseCase),
  answer(EraseMember, EraseMemberUseCase),
  answer(ListPreferenceChanges, ListChangesUseCase),
) {}
