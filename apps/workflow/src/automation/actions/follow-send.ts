import type { ActionResultStatus } from '@app/rules';
import type { SendStatus } from '@app/contracts';

/** A run result moved by its send's update. */
export interface FollowedSend {
  status: Exclude<ActionResultStatus, 'pending'>;
  reason: string | null;
  sendStatus: SendStatus;
  errorCode: string | null;
  sendId: string;
}
