import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateMember,
  GetMember,
  ListMembers,
  ListPreferenceChanges,
  ResolveMember,
  SetMemberOptOut,
  UpdateMember,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CreateMemberUseCase } from './create-member.usecase';
import { GetMemberUseCase } from './get-member.usecase';
import { ListChangesUseCase } from './list-changes.usecase';
import { ListMembersUseCase } from './list-members.usecase';
import { ResolveMemberUseCase } from './resolve-member.usecase';
import { SetOptOutUseCase } from './set-opt-out.usecase';
import { UpdateMemberUseCase } from './update-member.usecase';

/** rpc.preferences.member.*: payloads arrive validated against the contracts. */
@Controller()
export class MembersHandlers {
  constructor(
    private readonly createMember: CreateMemberUseCase,
    private readonly getMember: GetMemberUseCase,
    private readonly listMembers: ListMembersUseCase,
    private readonly updateMember: UpdateMemberUseCase,
    private readonly resolveMember: ResolveMemberUseCase,
    private readonly setOptOut: SetOptOutUseCase,
    private readonly listChanges: ListChangesUseCase,
  ) {}

  @OnRequest(CreateMember)
  create(@Payload() r: RequestPayload<typeof CreateMember>) {
    return this.createMember.execute(r.workspaceId, r.fields, r.source);
  }

  @OnRequest(GetMember)
  get(@Payload() r: RequestPayload<typeof GetMember>) {
    return this.getMember.execute(r.workspaceId, r.memberId);
  }

  @OnRequest(ListMembers)
  list(@Payload() r: RequestPayload<typeof ListMembers>) {
    return this.listMembers.execute(r);
  }

  @OnRequest(UpdateMember)
  update(@Payload() r: RequestPayload<typeof UpdateMember>) {
    return this.updateMember.execute(r.workspaceId, r.memberId, r.patch, r.source);
  }

  @OnRequest(ResolveMember)
  resolve(@Payload() r: RequestPayload<typeof ResolveMember>) {
    return this.resolveMember.execute(r.workspaceId, r.phone, r.profileName);
  }

  @OnRequest(SetMemberOptOut)
  optOut(@Payload() r: RequestPayload<typeof SetMemberOptOut>) {
    return this.setOptOut.execute(r.workspaceId, r.memberId, r.optedOut, r.channel, r.source);
  }

  @OnRequest(ListPreferenceChanges)
  changes(@Payload() r: RequestPayload<typeof ListPreferenceChanges>) {
    return this.listChanges.execute(r.workspaceId, r.memberId, r.limit, r.cursor);
  }
}
