import { Injectable } from '@nestjs/common';
import { stripChannelPrefix, TWILIO_ERRORS } from '@app/twilio';

export interface FaultSpec {
  status: number;
  code?: number;
  message?: string;
  times: number;
  /** Only message creations to this recipient (any channel); all when unset. */
  to?: string;
}

export interface ActiveFault {
  status: number;
  code: number;
  message: string;
  remaining: number;
  toPhone: string | null;
}

const DEFAULT_CODES: Record<number, number> = {
  400: 21211,
  401: 20003,
  404: 20404,
  429: 20429,
  500: 20500,
  503: 20503,
};

/** The Twilio error code a faulty answer carries when the test does not name one. */
export function defaultFaultCode(status: number): number {
  return DEFAULT_CODES[status] ?? (status >= 500 ? 20500 : 20400 + (status % 100));
}

/** Makes the next message creations fail with an HTTP error, in the order the faults were added. */
@Injectable()
export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): ActiveFault {
    const code = spec.code ?? defaultFaultCode(spec.status);
    const fault: ActiveFault = {
      status: spec.status,
      code,
      message: spec.message ?? TWILIO_ERRORS.get(code)?.title ?? `Emulated error ${code}`,
      remaining: spec.times,
      toPhone: spec.to ? stripChannelPrefix(spec.to) : null,
    };
    this.faults.push(fault);
    return { ...fault };
  }

  /** The fault the next creation to `to` hits (and uses up), if any. */
  take(to: string | undefined): ActiveFault | undefined {
    if (this.faults.length === 0) return undefined;
    const phone = to ? stripChannelPrefix(to) : null;
    const index = this.faults.findIndex((fault) => fault.toPhone === null || fault.toPhone === phone);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  pending(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  reset(): void {
    this.faults = [];
  }
}
