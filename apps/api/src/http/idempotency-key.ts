import { Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError } from '@app/contracts';
import { onMethod, parseInput } from './validation';

export const ClientIdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,100}$/, 'must be 1-100 printable ASCII characters without spaces');

/**
 * The client's retry key, from the `Idempotency-Key` header or the body (they must agree when
 * both are given); undefined when the client gave none.
 */
export function clientIdempotencyKey(
  header: string | string[] | undefined,
  fromBody: string | undefined,
): string | undefined {
  if (Array.isArray(header))
    throw new AppError('invalid_input', 'Invalid header: Idempotency-Key: give it once.');
  const fromHeader =
    header === undefined ? undefined : parseInput(ClientIdempotencyKey, header, 'header: Idempotency-Key');
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new AppError('invalid_input', 'Invalid request: the Idempotency-Key header and the body disagree.');
  }
  return fromHeader ?? fromBody;
}

/** What a send route's retry with the same key does. */
export const SENDS_ONCE =
  'Retrying with the same key sends at most one message (or give idempotencyKey in the body).';

/**
 * The `Idempotency-Key` header as given (check it with `clientIdempotencyKey`), documented as
 * optional with what a retry with the same key does.
 */
export function IdempotencyKey(retry: string): ParameterDecorator {
  return (target, key, index) => {
    Headers('idempotency-key')(target, key, index);
    onMethod(target, key, ApiHeader({ name: 'Idempotency-Key', required: false, description: retry }));
  };
}
