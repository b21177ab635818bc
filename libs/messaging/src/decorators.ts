import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { EventContract, RequestContract } from '@app/contracts';
import type { ConsumerOptions } from './messaging.options';

export const CONTRACT = 'contract';
export const CONSUMER_OPTIONS = 'consumerOptions';

/**
 * Handles a JetStream event through a durable consumer of this service. The payload is already
 * validated against the contract; returning acknowledges, throwing retries (then dead-letters).
 */
export const OnEvent = <C extends EventContract>(
  contract: C,
  options: ConsumerOptions & { orderBy?: (payload: import('zod').infer<C['schema']>) => string } = {},
) =>
  // Two consumers of one contract (its lanes) need two patterns.
  EventPattern(
    options.filterSubject ?? (options.lane ? `${contract.subject}.${options.lane}` : contract.subject),
    {
      [CONTRACT]: contract,
      [CONSUMER_OPTIONS]: options,
    },
  );

/** Answers a request-reply contract; replicas share the work through a queue group. */
export const OnRequest = (contract: RequestContract) =>
  MessagePattern(contract.subject, { [CONTRACT]: contract });
