import { z } from 'zod';
import { SendAction } from '@app/contracts';

/** The contract's action, strict: an unknown field inside `action` is a 400 too, not silently dropped. */
export const StrictSendAction = z.discriminatedUnion(
  'type',
  SendAction.options.map((o) => o.strict()) as unknown as [
    (typeof SendAction.options)[0],
    (typeof SendAction.options)[1],
  ],
);
