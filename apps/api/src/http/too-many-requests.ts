import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 with `Retry-After` (the error filter sets the header). */
export class TooManyRequests extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`${message} Retry in ${retryAfterSeconds} s.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
