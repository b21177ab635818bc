import { AppError } from '@app/contracts';
import { backoffMs, isTransientError, NonRetryableError } from './retry';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const named = (name: string) => Object.assign(new Error('failed'), { name });

describe('isTransientError: the infrastructure failed, not the message', () => {
  it.each<[string, unknown]>([
    [
      'a service that is down (AppError unavailable)',
      new AppError('unavailable', 'routing is not answering'),
    ],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a DNS lookup that failed for now', withCode('EAI_AGAIN')],
    ['undici connect timeout', withCode('UND_ERR_CONNECT_TIMEOUT')],
    ['Postgres connection exception (08006)', withCode('08006')],
    ['Postgres shutting down (57P01)', withCode('57P01')],
    ['Postgres too many connections (53300)', withCode('53300')],
    ['Postgres serialization failure (40001)', withCode('40001')],
    ['Postgres deadlock (40P01)', withCode('40P01')],
    [
      'a TypeORM error wrapping a driver error',
      Object.assign(new Error('query failed'), { driverError: withCode('ECONNRESET') }),
    ],
    ['an error caused by a transient one', new Error('request failed', { cause: withCode('ETIMEDOUT') })],
    ['a NATS request timeout', named('TimeoutError')],
    ['no NATS responders', named('NoRespondersError')],
    ['a draining NATS connection', named('DrainingConnectionError')],
    ['pg: Connection terminated', new Error('Connection terminated unexpectedly')],
    ['Postgres starting up', new Error('the database system is starting up')],
    // Seen in the scale suite: a publish to a NATS node restarting in a cluster.
    ['a NATS node whose JetStream is not back yet', named('JetStreamNotEnabled')],
    ['JetStream temporarily unavailable', new Error('jetstream system temporarily unavailable')],
  ])('retries %s', (_what, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an AppError of the message (invalid_input)', new AppError('invalid_input', 'bad phone')],
    ['an AppError not_found', AppError.notFound('Member')],
    ['a Postgres unique violation (23505)', withCode('23505')],
    ['a Postgres syntax error (42601)', withCode('42601')],
    ['a NonRetryableError', new NonRetryableError('cannot be handled')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'failed'],
    ['null', null],
  ])('does not count %s as transient', (_what, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe('backoffMs: exponential with jitter, capped', () => {
  it.each([
    [1, 50, 100],
    [2, 100, 200],
    [4, 400, 800],
    [20, 2_500, 5_000],
  ])('attempt %i waits between %i and %i ms', (attempt, min, max) => {
    for (let i = 0; i < 50; i++) {
      const wait = backoffMs(attempt);
      expect(wait).toBeGreaterThanOrEqual(min);
      expect(wait).toBeLessThanOrEqual(max);
    }
  });

  it('takes its base and cap', () => {
    expect(backoffMs(10, 100, 2_000)).toBeLessThanOrEqual(2_000);
    expect(backoffMs(1, 1_000, 60_000)).toBeGreaterThanOrEqual(500);
  });
});
