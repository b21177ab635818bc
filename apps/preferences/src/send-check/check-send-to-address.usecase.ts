import { Injectable } from '@nestjs/common';
import type { Channel, CheckSendToAddress, Member, ResponsePayload, SendKind } from '@app/contracts';
import { decideAddressSend, decideSend } from '@app/rules';
import { AddressOptOutsRepository } from '../members/address-opt-outs.repository';
import { toMember } from '../members/member-view';
import { MembersRepository } from '../members/members.repository';

/**
 * "May I send to this phone?": the member who has it decides, as for a send by member; a phone
 * no member has is refused only when it sent STOP (recorded by address).
 */
@Injectable()
export class CheckSendToAddressUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly addresses: AddressOptOutsRepository,
  ) {}

  async execute(
    workspaceId: string,
    phone: string,
    channel: Channel,
    kind: SendKind,
  ): Promise<ResponsePayload<typeof CheckSendToAddress>> {
    const entity = await this.members.findByPhone(workspaceId, phone);
    if (entity) return decideSend<Member>(toMember(entity), channel, kind);
    const address = await this.addresses.find(workspaceId, phone);
    const decision = decideAddressSend({ optedOut: address?.optedOut ?? false }, kind);
    return { ...decision, member: null };
  }
}
