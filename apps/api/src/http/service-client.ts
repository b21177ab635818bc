import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, formatIssues, type RequestContract } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { WorkspaceCaller } from '../auth/key-scope';
import { API_CONFIG, type ApiConfig } from '../config';

/**
 * Asks the service behind a route over NATS. Its AppErrors pass through unchanged (the error
 * filter maps them); no answer in time is `unavailable` (503).
 */
@Injectable()
export class ServiceClient {
  constructor(
    private readonly messaging: MessagingClient,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  ask<C extends RequestContract>(
    contract: C,
    payload: z.input<C['request']>,
  ): Promise<z.infer<C['response']>> {
    // Route schemas mirror the contracts; this catches any drift as a 400 instead of a 500.
    const checked = contract.request.safeParse(payload);
    if (!checked.success)
      throw new AppError('invalid_input', `Invalid request: ${formatIssues(checked.error)}`);
    return this.messaging.request(contract, payload, { timeoutMs: this.config.API_REQUEST_TIMEOUT_MS });
  }

  /**
   * Asks on behalf of the calling workspace: the workspace id is always the caller's, never one
   * from the input (tenant scoping in one place).
   */
  askAs<C extends RequestContract<z.ZodType<unknown, { workspaceId: string }>>>(
    ws: WorkspaceCaller,
    contract: C,
    payload: Omit<z.input<C['request']>, 'workspaceId'>,
  ): Promise<z.infer<C['response']>> {
    return this.ask(contract, { ...payload, workspaceId: ws.workspaceId } as z.input<C['request']>);
  }
}
