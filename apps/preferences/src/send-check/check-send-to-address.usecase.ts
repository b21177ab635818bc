import { Injectable } from '@nestjs/common';
import { type CheckSendToAddress, type Member, type RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
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

  async execute({
    workspaceId,
    phone,
    channel,
    kind,
  }: RequestPayload<typeof CheckSendToAddress>): Answer<typeof CheckSendToAddress> {
    const entity = await this.members.findByPhone(workspaceId, phone);
    if (entity) return decideSend<Member>(toMember(entity), channel, kind);
    const address = await this.addresses.find(workspaceId, phone);
    const decision = decideAddressSend({ optedOut: address?.optedOut ?? false }, kind);
    return { ...decision, member: null };
  }
}
