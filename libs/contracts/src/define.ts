import { z } from 'zod';
import type { StreamName } from './streams';

/** A JetStream event: published durably, consumed by durable consumers. */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly subject: string;
  readonly stream: StreamName;
  readonly schema: S;
  readonly description: string;
}

/** A core-NATS request-reply query or command, answered by one replica of the owning service. */
export interface RequestContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'request';
  readonly subject: string;
  readonly request: Req;
  readonly response: Res;
  readonly description: string;
}

export type EventPayload<C extends EventContract> = z.infer<C['schema']>;
export type RequestPayload<C extends RequestContract> = z.infer<C['request']>;
export type ResponsePayload<C extends RequestContract> = z.infer<C['response']>;

export function defineEvent<S extends z.ZodType>(def: Omit<EventContract<S>, 'kind'>): EventContract<S> {
  if (!def.subject.startsWith(`${def.stream.toLowerCase()}.`)) {
    throw new Error(
      `Event subject ${def.subject} must start with its stream's name (${def.stream.toLowerCase()}.)`,
    );
  }
  return { kind: 'event', ...def };
}

export function defineRequest<Req extends z.ZodType, Res extends z.ZodType>(
  def: Omit<RequestContract<Req, Res>, 'kind'>,
): RequestContract<Req, Res> {
  // Requests live under rpc.> so they can never be captured by a JetStream stream's subjects.
  if (!def.subject.startsWith('rpc.')) throw new Error(`Request subject ${def.subject} must start with rpc.`);
  return { kind: 'request', ...def };
}
