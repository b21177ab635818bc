import { Controller } from '@nestjs/common';
import { GetSandboxMembership } from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { GetSandboxMembershipUseCase } from './get-sandbox-membership.usecase';

@Controller()
export class SandboxHandlers extends HandOver(answer(GetSandboxMembership, GetSandboxMembershipUseCase)) {}
