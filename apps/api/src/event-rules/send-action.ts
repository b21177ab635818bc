import { z } from 'zod';
import { SendAction } from '@app/contracts';
import { changingSomething } from '../http/validation';

/** The contract's action, strict: an unknown field inside `action` is a 400 too, not silently dropped. */
export const StrictSendAction = z.discriminatedUnion(
  'type',
  SendAction.options.map((o) => o.strict()) as unknown as [
    (typeof SendAction.options)[0],
    (typeof SendAction.options)[1],
  ],
);

/** The body that creates an automation (event rule, routine): its contract's request, in the caller's workspace. */
export const createBodyWithAction = (request: z.ZodObject) =>
  request.omit({ workspaceId: true }).extend({ action: StrictSendAction }).strict();

/** The body that changes an automation: any of its fields, at least one. */
export const patchBodyWithAction = (patch: z.ZodObject, example: object) =>
  changingSomething(patch.extend({ action: StrictSendAction }).partial().strict()).meta({ example });
