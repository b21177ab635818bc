import { Controller, Inject, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import type { EventContract, RequestContract, RequestPayload, ResponsePayload } from '@app/contracts';
import { OnEvent, OnRequest } from './decorators';
import type { ConsumerOptions } from './messaging.options';

/** A use case of the one shape: a class with `execute(command)` taking the contract's payload. */
export interface UseCase<Command> {
  execute: (command: Command) => unknown;
}

/** What the use case of a request answers: `execute(request: RequestPayload<typeof C>): Answer<typeof C>`. */
export type Answer<C extends RequestContract> = Promise<ResponsePayload<C>>;

/** One handler that only hands its contract's payload over to a use case. */
export interface HandOverRoute {
  readonly subject: string;
  readonly decorator: MethodDecorator;
  readonly useCase: Type<UseCase<never>>;
}

/** A request answered by `useCase.execute(payload)` (the reply is checked against the contract). */
export const answer = <C extends RequestContract>(
  contract: C,
  useCase: Type<UseCase<RequestPayload<C>>>,
): HandOverRoute => ({ subject: contract.subject, decorator: OnRequest(contract), useCase });

/** An event consumed by `useCase.execute(payload)`: returning acknowledges, throwing retries. */
export const consume = <C extends EventContract>(
  contract: C,
  useCase: Type<UseCase<z.infer<C['schema']>>>,
  options: ConsumerOptions & { orderBy?: (payload: z.infer<C['schema']>) => string } = {},
): HandOverRoute => ({
  subject: options.lane ? `${contract.subject}.${options.lane}` : contract.subject,
  decorator: OnEvent(contract, options),
  useCase,
});

/**
 * The handlers of a feature that do nothing but hand each payload (already validated against its
 * contract) to its use case: one line a contract instead of a method each. A controller as it is
 * (`controllers: [HandOver(...)]`), or extended by a `@Controller()` class whose methods are the
 * handlers that do more; its constructor is its own (the use cases are injected as properties).
 */
export function HandOver(...routes: HandOverRoute[]): Type<object> & { useCases: Type[] } {
  @Controller()
  class HandOverHandlers {
    /** The use cases the routes name, for the module's providers (so the list is written once). */
    static readonly useCases: Type[] = routes.map((route) => route.useCase);
  }
  const prototype = HandOverHandlers.prototype as Record<string, unknown>;
  for (const { subject, decorator, useCase } of routes) {
    if (subject in prototype) throw new Error(`HandOver: two handlers for ${subject}`);
    const property = `${subject} use case`;
    Inject(useCase)(prototype, property);
    // Named for the subject so logs and traces say which handler ran.
    const handler = {
      [subject](this: Record<string, UseCase<unknown>>, payload: unknown) {
        return this[property].execute(payload);
      },
    }[subject];
    prototype[subject] = handler;
    Payload()(prototype, subject, 0);
    decorator(prototype, subject, Object.getOwnPropertyDescriptor(prototype, subject)!);
  }
  return HandOverHandlers;
}
