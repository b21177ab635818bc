import { z } from 'zod';
import { Id, Page, WorkspaceScoped } from './common';
import type { Party } from './parties';
import { STREAMS, type StreamName } from './streams';

/** A JetStream event: published durably, consumed by durable consumers. */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly subject: string;
  readonly stream: StreamName;
  readonly schema: S;
  readonly description: string;
  /** Who publishes it: their NATS users may publish on the subject (libs/messaging permissions). */
  readonly publishers: readonly Party[];
  /** Who consumes it: each gets a durable consumer of its own, filtered to the subject. */
  readonly consumers: readonly Party[];
  /**
   * The conversation an event belongs to, for events that must stay in conversation order: they
   * are published on `<subject>.<partition>` (a hash of this key; libs/messaging partitions.ts) and
   * each partition is handled by one replica at a time. Absent: published on the subject itself.
   */
  partitionBy?(payload: z.infer<S>): string;
  /**
   * A lane some payloads take so that their own consumers read them apart from the rest (bulk
   * sends): published on `<subject>.<lane>` (then `.<partition>`). Undefined: the subject's own.
   */
  laneOf?(payload: z.infer<S>): string | undefined;
  /**
   * Cheap header hints set on publish (`App-Hint-<name>`), for consumers that ignore most events
   * of the contract: their `skip` reads the hints and acks the message before it is decoded,
   * validated or traced. A hint is a copy of a payload field, never anything else; an event without
   * it (published by an older version or an integration) is handled as usual.
   */
  hints?: Readonly<Record<string, EventHint<z.infer<S>>>>;
}

/** One hint of a contract: a method's type, so a contract of a payload fits where any contract goes. */
type EventHint<P> = { hint(payload: P): string | null | undefined }['hint'];

/** The NATS header carrying a contract's hint `name`. */
export const hintHeader = (name: string): string => `App-Hint-${name}`;

/** A core-NATS request-reply query or command, answered by one replica of the owning service. */
export interface RequestContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'request';
  readonly subject: string;
  readonly request: Req;
  readonly response: Res;
  readonly description: string;
  /** The service that answers: the second token of the subject (`rpc.<service>.…`). */
  readonly answeredBy: string;
  /** Who asks: their NATS users may publish on the subject and hear the answer. */
  readonly askedBy: readonly Party[];
}

/**
 * A core-NATS broadcast: every listener (every replica, no queue group) hears it; never stored,
 * never answered. For cache invalidation and similar hints, never for data that must not be lost.
 */
export interface BroadcastContract<S extends z.ZodType = z.ZodType> {
  readonly kind: 'broadcast';
  readonly subject: string;
  readonly schema: S;
  readonly description: string;
  readonly publishers: readonly Party[];
  readonly listeners: readonly Party[];
}

export type Contract = EventContract | RequestContract | BroadcastContract;

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
  def: Omit<RequestContract<Req, Res>, 'kind' | 'answeredBy'>,
): RequestContract<Req, Res> {
  // Requests live under rpc.> so they can never be captured by a JetStream stream's subjects.
  const [rpc, answeredBy] = def.subject.split('.');
  if (rpc !== 'rpc' || !answeredBy)
    throw new Error(`Request subject ${def.subject} must be rpc.<answering service>.<...>`);
  return { kind: 'request', answeredBy, ...def };
}

/**
 * The requests about one kind of a workspace's things (a chat, a routine...): each is
 * `<prefix>.<verb>`, names the thing by `idField` in the workspace (then `fields`), and answers the
 * thing unless it says otherwise. One line where requests differ only by verb and wording.
 * `.create` and `.list` are the two that name no thing: the workspace (then `fields`) alone.
 */
export function requestsAbout<K extends string, T extends z.ZodType>(
  prefix: string,
  idField: K,
  thing: T,
  askedBy: readonly Party[] = ['api'],
) {
  const request =
    <S extends z.ZodRawShape>(scope: z.ZodObject<S>) =>
    <F extends z.ZodRawShape = Record<never, never>, R extends z.ZodType = T>(
      verb: string,
      description: string,
      more: { fields?: F; response?: R; askedBy?: readonly Party[] } = {},
    ) =>
      defineRequest({
        subject: `${prefix}.${verb}`,
        askedBy: more.askedBy ?? askedBy,
        description,
        request: scope.extend(more.fields ?? ({} as F)),
        response: more.response ?? (thing as unknown as R),
      });
  const inWorkspace = request(WorkspaceScoped);
  return Object.assign(request(WorkspaceScoped.extend({ [idField]: Id } as Record<K, typeof Id>)), {
    /** `<prefix>.create`: a new thing in the workspace, made of `fields`; answers it. */
    create: <F extends z.ZodRawShape>(description: string, more: { fields: F; askedBy?: readonly Party[] }) =>
      inWorkspace('create', description, more),
    /** `<prefix>.list`: the workspace's things, a page at a time (`fields` filter and page them). */
    list: <F extends z.ZodRawShape = Record<never, never>>(
      description: string,
      more: { fields?: F; askedBy?: readonly Party[] } = {},
    ) => inWorkspace('list', description, { ...more, response: Page(thing) }),
  });
}

export function defineBroadcast<S extends z.ZodType>(
  def: Omit<BroadcastContract<S>, 'kind'>,
): BroadcastContract<S> {
  const first = def.subject.split('.')[0];
  const streamPrefixes = Object.keys(STREAMS).map((name) => name.toLowerCase());
  if (first === 'rpc' || streamPrefixes.includes(first))
    throw new Error(`Broadcast subject ${def.subject} must not start with rpc. or a stream's name`);
  return { kind: 'broadcast', ...def };
}

/** Every contract among a module's exports (e.g. `import * as contracts from '@app/contracts'`), once each. */
export function contractsIn(exports: Record<string, unknown>): Contract[] {
  const bySubject = new Map<string, Contract>();
  for (const value of Object.values(exports)) {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof value === 'object' && (kind === 'event' || kind === 'request' || kind === 'broadcast'))
      bySubject.set((value as Contract).subject, value as Contract);
  }
  return [...bySubject.values()].sort((a, b) => a.subject.localeCompare(b.subject));
}
