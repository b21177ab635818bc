import { Inject } from '@nestjs/common';
import type { z } from 'zod';
import type { RequestContract } from '@app/contracts';
import type { WorkspaceCaller } from '../auth/key-scope';
import { Workspace } from '../auth/workspace.decorator';
import { Endpoint, type EndpointOptions, type HttpMethod } from './api-controller.decorator';
import type { ReferenceObject } from './openapi';
import { ServiceClient } from './service-client';
import { IdParam, ZodBody, ZodQuery } from './validation';

/**
 * A route that only forwards its input to one service contract and answers what the service
 * answers: the path's ids, the query and the body become the request.
 */
export interface ContractRoute extends EndpointOptions {
  /** The method and the path below the controller's, as a request line: `'GET :id/runs'`, `'POST'`. */
  route: `${HttpMethod}${string}`;
  contract: RequestContract;
  /** Asked alongside with the same input, for its 404: the thing the route reads must exist. */
  mustExist?: RequestContract;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The request field the body goes in (`patch`); without it the body's fields are the request's. */
  bodyAs?: string;
  /** The body may also be YAML (workflow definitions). */
  yaml?: boolean;
  /** Fields the route adds from the caller (who changed or erased it). */
  fromCaller?: (ws: WorkspaceCaller) => Record<string, unknown>;
  /** Fields the route always adds. */
  fixed?: Record<string, unknown>;
  /** More method decorators (permissions, refusals). */
  decorators?: MethodDecorator[];
}

export interface ContractRoutesOptions {
  /** The request field each UUID path parameter fills, e.g. `{ id: 'ruleId' }` (else its own name). */
  ids: Record<string, string>;
  /** What a route answers unless it says (a page, another schema) or answers 204: the resource. */
  resource?: ReferenceObject;
}

/**
 * A workspace controller base whose routes only forward to contracts, asked as the caller's
 * workspace: declared as a table instead of a method each (the table's keys are the method names).
 * Routes that do more are ordinary methods of the subclass. A 204 answers no body.
 */
export function ContractRoutes(options: ContractRoutesOptions, routes: Record<string, ContractRoute>) {
  class ContractController {
    constructor(@Inject(ServiceClient) readonly services: ServiceClient) {}
  }
  for (const [name, route] of Object.entries(routes))
    defineRoute(ContractController.prototype, name, options, route);
  return ContractController;
}

type Prototype = { services: ServiceClient };

function defineRoute(
  prototype: Prototype,
  name: string,
  options: ContractRoutesOptions,
  route: ContractRoute,
) {
  const [method, path = ''] = route.route.split(' ') as [HttpMethod, string?];
  const ids = [...path.matchAll(/:(\w+)/g)].map(([, param]) => [param, options.ids[param] ?? param]);
  // The handler's arguments, in order: the caller, each id, the query, the body.
  const params: Array<{ decorator: ParameterDecorator; type: unknown }> = [
    { decorator: Workspace(), type: Object },
    ...ids.map(([param]) => ({ decorator: IdParam(param), type: String })),
    ...(route.query ? [{ decorator: ZodQuery(route.query), type: Object }] : []),
    ...(route.body ? [{ decorator: ZodBody(route.body, { yaml: route.yaml }), type: Object }] : []),
  ];

  async function handler(this: Prototype, ws: WorkspaceCaller, ...args: unknown[]) {
    const input: Record<string, unknown> = {};
    for (const [, field] of ids) input[field] = args.shift();
    if (route.query) Object.assign(input, args.shift());
    if (route.body) {
      const body = args.shift();
      if (route.bodyAs) input[route.bodyAs] = body;
      else Object.assign(input, body);
    }
    Object.assign(input, route.fixed, route.fromCaller?.(ws));
    const ask = (contract: RequestContract) => this.services.askAs(ws, contract as never, input as never);
    const [answer] = await Promise.all([ask(route.contract), route.mustExist && ask(route.mustExist)]);
    return route.status === 204 ? undefined : answer;
  }
  // The method's name is its OpenAPI operationId's.
  Object.defineProperty(handler, 'name', { value: name });
  Object.defineProperty(prototype, name, { value: handler, writable: true, configurable: true });

  // Applied as TypeScript applies a method's decorators: its metadata, then its parameters' last
  // to first, then its own (the OpenAPI document lists parameters in that order).
  const decorated = Reflect.decorate(
    [
      ...(route.decorators ?? []),
      Endpoint(method, path, {
        ...route,
        response: route.response ?? (route.status === 204 ? undefined : options.resource),
      }),
      ...params.map(
        ({ decorator }, index): MethodDecorator =>
          (target, key) =>
            decorator(target, key, index),
      ),
      Reflect.metadata('design:type', Function),
      Reflect.metadata(
        'design:paramtypes',
        params.map((p) => p.type),
      ),
    ],
    prototype,
    name,
    Object.getOwnPropertyDescriptor(prototype, name),
  ) as PropertyDescriptor | undefined;
  if (decorated) Object.defineProperty(prototype, name, decorated);
}
