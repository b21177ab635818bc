import type { Member } from '@app/contracts';
import type { MemberEntity } from './member.entity';

/** The contract's view of a stored member. */
export function toMember(entity: MemberEntity): Member {
  return {
    id: entity.id,
    workspaceId: entity.workspaceId,
    firstName: entity.firstName,
    lastName: entity.lastName,
    phone: entity.phone,
    email: entity.email,
    notifySms: entity.notifySms,
    notifyEmail: entity.notifyEmail,
    notifyVoice: entity.notifyVoice,
    notifyWhatsapp: entity.notifyWhatsapp,
    optedOut: entity.optedOut,
    optedOutAt: entity.optedOutAt ? entity.optedOutAt.toISOString() : null,
    optedOutChannel: entity.optedOutChannel,
    attributes: entity.attributes ?? {},
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
