import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import type { EmulatedMessage } from '../messages/message.model';
import { SignedWebhookClient } from '../webhooks/signed-webhook.client';
import { buildStatusCallbackParams, planStatusSteps, type StatusStep } from './status-plan';

/**
 * Moves each accepted message through its statuses, one step every `statusDelayMs`, and posts a signed
 * status callback for each step (`queued` first) when the message has a StatusCallback. Callbacks of
 * one message go one after the other, in order; nothing here ever delays the API answer.
 */
@Injectable()
export class DeliveryLifecycle implements OnModuleDestroy {
  private readonly logger = new Logger(DeliveryLifecycle.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Bumped by reset: work of an older generation stops. */
  private generation = 0;
  private stopped = false;

  constructor(
    @Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig,
    private readonly webhooks: SignedWebhookClient,
  ) {}

  start(message: EmulatedMessage): void {
    if (this.stopped) return;
    const generation = this.generation;
    const steps = planStatusSteps(message.outcome);
    let callbacks: Promise<void> = Promise.resolve();
    const notify = (step: StatusStep, at: number) => {
      const url = message.statusCallback;
      if (!url) return;
      callbacks = callbacks.then(() =>
        this.isCurrent(generation) ? this.postCallback(message, url, step, at) : undefined,
      );
    };
    let index = -1; // -1: the `queued` callback, then one status step per tick
    const tick = () => {
      if (!this.isCurrent(generation)) return;
      if (index === -1) {
        notify({ status: 'queued' }, message.createdAt);
      } else {
        const step = steps[index];
        const at = Date.now();
        applyStep(message, step, at);
        notify(step, at);
      }
      index += 1;
      if (index < steps.length) this.schedule(tick);
    };
    this.schedule(tick);
  }

  /** Stops every pending transition and callback (the store is being cleared). */
  reset(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.reset();
  }

  private isCurrent(generation: number): boolean {
    return !this.stopped && generation === this.generation;
  }

  private schedule(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, this.config.statusDelayMs);
    this.timers.add(timer);
  }

  private async postCallback(
    message: EmulatedMessage,
    url: string,
    step: StatusStep,
    at: number,
  ): Promise<void> {
    const params = buildStatusCallbackParams(message, step, at);
    try {
      const answer = await this.webhooks.post(url, params, this.config.authToken);
      message.callbacks.push({ status: step.status, at: Date.now(), httpStatus: answer.status });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      message.callbacks.push({ status: step.status, at: Date.now(), httpStatus: null, error: reason });
      this.logger.debug(`status callback ${step.status} for ${message.sid} failed: ${reason}`);
    }
  }
}

function applyStep(message: EmulatedMessage, step: StatusStep, at: number): void {
  message.status = step.status;
  message.updatedAt = at;
  if (step.status === 'sent') message.sentAt = at;
  if (step.errorCode !== undefined) {
    message.errorCode = step.errorCode;
    message.errorMessage = step.errorMessage ?? null;
  }
  message.history.push(
    step.errorCode === undefined
      ? { status: step.status, at }
      : { status: step.status, at, errorCode: step.errorCode },
  );
}
