import { Controller, Module, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { z } from 'zod';
import { defineEvent, hintHeader } from '@app/contracts';
import { encodeJson, MessagingClient, MessagingModule, Namespace, OnEvent } from '@app/messaging';
import { readDeadLetters, TEST_NATS_URL, uniqueNamespace, waitFor } from '@app/testing';
import { bootService, type RunningService } from './bootstrap';

jest.setTimeout(30_000);

const Note = defineEvent({
  subject: 'events.test.note',
  stream: 'EVENTS',
  description: 'test',
  publishers: [],
  consumers: [],
  schema: z.object({
    key: z.string(),
    n: z.number(),
    audience: z.string(),
    slow: z.boolean().default(false),
  }),
  hints: { audience: (note) => note.audience },
});
type Note = z.infer<typeof Note.schema>;

const ns = uniqueNamespace();
/** A service of one module, on the test NATS in this suite's namespace. */
const boot = (service: string, module: Type): Promise<RunningService> =>
  bootService({
    service,
    module: {
      module,
      imports: [
        MessagingModule.forRoot({ service, natsUrl: TEST_NATS_URL, namespace: ns, streamReplicas: 1 }),
      ],
    },
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
  });
const handled: Note[] = [];

@Controller()
class NoteController {
  @OnEvent(Note, { orderBy: (note) => note.key, skip: (hints) => hints.audience === 'others' })
  async handle(@Payload() note: Note): Promise<void> {
    if (note.slow) await new Promise((r) => setTimeout(r, 20));
    handled.push(note);
  }
}

@Module({ controllers: [NoteController] })
class NoteModule {}

describe("a consumer's skip on header hints (real NATS)", () => {
  let service: RunningService;
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    service = await boot('notes', NoteModule);
  });

  afterAll(async () => {
    await service?.close();
    await nc?.close();
  });

  it('acks the events it skips unread, and handles the rest of a conversation in order', async () => {
    const messaging = service.app.get(MessagingClient);
    // One conversation, every other event for someone else; the kept ones are slow, so a skipped
    // event arrives while earlier kept ones are still in the handler.
    for (let n = 0; n < 30; n++)
      await messaging.publish(
        Note,
        { key: 'k', n, audience: n % 2 ? 'others' : 'us', slow: n % 2 === 0 },
        { msgId: `note-${n}` },
      );
    // A skipped event is not even decoded: one that is not JSON is acked, not dead-lettered.
    const js = jetstream(nc);
    const h = natsHeaders();
    h.set(hintHeader('audience'), 'others');
    await js.publish(new Namespace(ns).subject(Note.subject), new TextEncoder().encode('not json'), {
      msgID: 'note-garbage',
      headers: h,
    });
    // Without the hint (an older publisher) the event is read and handled whatever it says.
    await js.publish(
      new Namespace(ns).subject(Note.subject),
      encodeJson({ key: 'k', n: 30, audience: 'others' }),
      { msgID: 'note-unhinted' },
    );
    await waitFor(() => handled.some((note) => note.n === 30), { message: 'the unhinted event' });
    expect(handled.map((note) => note.n)).toEqual([...Array.from({ length: 15 }, (_, i) => 2 * i), 30]);
    const jsm = await jetstreamManager(nc);
    const consumer = await jsm.consumers.info(new Namespace(ns).stream('EVENTS'), 'notes__events_test_note');
    expect(consumer).toMatchObject({ num_pending: 0, num_ack_pending: 0 });
    expect(await readDeadLetters(nc, new Namespace(ns))).toEqual([]);
  });

  it('refuses a skip on a contract that declares no hints', async () => {
    const Bare = defineEvent({ ...Note, subject: 'events.test.bare', hints: undefined });
    @Controller()
    class BareController {
      @OnEvent(Bare, { skip: () => true })
      handle(): void {}
    }
    @Module({ controllers: [BareController] })
    class BareModule {}
    await expect(boot('bare', BareModule)).rejects.toThrow(/declares none/);
  });
});
