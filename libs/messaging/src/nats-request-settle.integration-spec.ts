import { dirname, join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { settleRequestsWithoutErrors } from './nats-request-settle';

// @app/testing depends on this library, so the spec reaches NATS on its own.
const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

// nats-core's own errors module (the one its requests construct from), to count RequestErrors.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const natsErrors = require(join(dirname(require.resolve('@nats-io/nats-core')), 'errors.js')) as {
  RequestError: new (message?: string, options?: ErrorOptions) => Error;
};

describe('requests settled by their reply', () => {
  let nc: NatsConnection;
  const Original = natsErrors.RequestError;
  let constructed = 0;

  beforeAll(async () => {
    settleRequestsWithoutErrors();
    natsErrors.RequestError = class CountedRequestError extends Original {
      constructor(message?: string, options?: ErrorOptions) {
        super(message, options);
        constructed++;
      }
    };
    nc = await connect({ servers: TEST_NATS_URL, noAsyncTraces: true });
    nc.subscribe('settle.echo', { callback: (_err, msg) => void msg.respond(msg.data) });
  });
  afterAll(async () => {
    natsErrors.RequestError = Original;
    await nc?.close();
  });
  beforeEach(() => (constructed = 0));

  it('answers each request without constructing an error for it', async () => {
    for (let i = 0; i < 50; i++) {
      const reply = await nc.request('settle.echo', `m${i}`, { timeout: 2_000 });
      expect(reply.string()).toBe(`m${i}`);
    }
    expect(constructed).toBe(0);
  });

  it('still rejects a request nobody answers, as no responders', async () => {
    const error = await nc.request('settle.nobody', 'x', { timeout: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Original);
    expect((error as { isNoResponders(): boolean }).isNoResponders()).toBe(true);
  });

  it('still rejects a request left pending when its connection closes', async () => {
    const other = await connect({ servers: TEST_NATS_URL, noAsyncTraces: true });
    other.subscribe('settle.never', { callback: () => undefined });
    await other.flush();
    const pending = other.request('settle.never', 'x', { timeout: 10_000 }).catch((e: unknown) => e);
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
