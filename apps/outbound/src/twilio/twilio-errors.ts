import { describeTwilioError, twilioErrorInfo } from '@app/twilio';

/**
 * What a failed Twilio call means for the send:
 * - `retry`: Twilio created nothing and asks us to come back later (429, 5xx);
 * - `uncertain`: no answer (network error, timeout), so the message may exist: look before retrying;
 * - `final`: Twilio refused the message (other 4xx); stored with its code and message.
 */
export interface TwilioCallFailure {
  outcome: 'retry' | 'uncertain' | 'final';
  httpStatus: number | null;
  code: string | null;
  message: string;
}

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

export function classifyTwilioError(error: unknown): TwilioCallFailure {
  const e = (error ?? {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const httpStatus = typeof e.status === 'number' ? e.status : null;
  if (httpStatus === null) {
    // Axios/network errors carry a string code (ECONNRESET, ETIMEDOUT...), not Twilio's numeric code.
    return { outcome: 'uncertain', httpStatus: null, code: null, message };
  }
  const code = typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : null;
  if (httpStatus === 429 || httpStatus >= 500) return { outcome: 'retry', httpStatus, code, message };
  return { outcome: 'final', httpStatus, code, message };
}

/** The reason stored for a refused message: ours for the codes we know, else Twilio's own words. */
export function refusalReason(failure: Pick<TwilioCallFailure, 'code' | 'message'>): string {
  if (failure.code && twilioErrorInfo(failure.code)) return describeTwilioError(failure.code);
  return failure.code
    ? `Twilio refused the message (error ${failure.code}): ${failure.message}`
    : `Twilio refused the message: ${failure.message}`;
}
