import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { DeadLetter } from '@app/contracts';
import { encodeJson } from './codec';
import { REPLAY_FOR_HEADER } from './jetstream.server';
import { natsCredentials, type MessagingOptions } from './messaging.options';
import { Namespace } from './namespace';
import { natsAuthOptions } from './nats-connection';
import { OPERATOR_USER } from './permissions';

/** A dead letter as the operator sees it: its id is its sequence in the DLQ stream. */
export type DeadLetterEntry = DeadLetter & { id: number };

/**
 * The operator's view of the dead letters (`npm run dlq`): list, show, replay to the consumer that
 * gave up (only that consumer handles the replay: it carries `App-Replay-For`), drop.
 */
export class DeadLetterQueue {
  private readonly stream: string;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: Namespace,
  ) {
    this.stream = namespace.stream('DLQ');
  }

  /** Connects as the operator's NATS user (NATS_USER/NATS_PASSWORD of the environment, if any). */
  static async connect(
    options: Pick<MessagingOptions, 'natsUrl' | 'namespace' | 'user' | 'password' | 'tls'>,
  ): Promise<{ queue: DeadLetterQueue; close: () => Promise<void> }> {
    const nc: NatsConnection = await connect({
      servers: options.natsUrl.split(',').map((s) => s.trim()),
      name: 'dlq',
      timeout: 5_000,
      ...natsAuthOptions({ service: OPERATOR_USER, ...options }),
    });
    const queue = new DeadLetterQueue(
      jetstream(nc, { timeout: 10_000 }),
      await jetstreamManager(nc, { timeout: 10_000 }),
      new Namespace(options.namespace),
    );
    return { queue, close: () => nc.drain() };
  }

  /** The oldest first, at most `limit`. */
  async list(limit = 100): Promise<DeadLetterEntry[]> {
    let count: number;
    try {
      count = (await this.jsm.streams.info(this.stream)).state.messages;
    } catch {
      return []; // no DLQ stream yet: nothing was ever dead-lettered
    }
    if (count === 0) return [];
    const consumer = await this.js.consumers.get(this.stream); // ordered, ephemeral
    const out: DeadLetterEntry[] = [];
    const messages = await consumer.fetch({ max_messages: Math.min(limit, count), expires: 5_000 });
    for await (const m of messages) {
      out.push({ ...DeadLetter.parse(m.json()), id: m.seq });
      if (m.info.pending === 0 || out.length >= limit) break;
    }
    await consumer.delete().catch(() => undefined);
    return out;
  }

  async show(id: number): Promise<DeadLetterEntry | undefined> {
    const stored = await this.jsm.streams.getMessage(this.stream, { seq: id }).catch(() => null);
    return stored ? { ...DeadLetter.parse(stored.json()), id } : undefined;
  }

  /**
   * Publishes the payload again on its subject for the consumer that gave up on it, then removes
   * the dead letter. Replaying the same id twice within JetStream's duplicate window is one replay.
   */
  async replay(id: number): Promise<DeadLetterEntry | undefined> {
    const letter = await this.show(id);
    if (!letter) return undefined;
    const h = natsHeaders();
    h.set(REPLAY_FOR_HEADER, letter.consumer);
    await this.js.publish(
      this.namespace.subject(letter.deliveredOn ?? letter.subject),
      typeof letter.payload === 'string'
        ? new TextEncoder().encode(letter.payload)
        : encodeJson(letter.payload),
      { msgID: `replay:${this.stream}:${id}`, headers: h },
    );
    await this.drop(id);
    return letter;
  }

  /** Removes the dead letter (its bytes are overwritten: it holds phones and bodies). */
  async drop(id: number): Promise<boolean> {
    return this.jsm.streams.deleteMessage(this.stream, id, true).catch(() => false);
  }
}

/** `npm run dlq -- list | show <id> | replay <id> | drop <id>`; returns the exit code. */
export async function runDlqCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<number> {
  const [command, arg] = argv;
  const id = Number(arg);
  const usage = 'usage: npm run dlq -- list [limit] | show <id> | replay <id> | drop <id>';
  if (!['list', 'show', 'replay', 'drop'].includes(command ?? '')) {
    print(usage);
    return 2;
  }
  if (command !== 'list' && !(Number.isInteger(id) && id > 0)) {
    print(`${command} needs the id of a dead letter (the first column of \`list\`). ${usage}`);
    return 2;
  }
  const { queue, close } = await DeadLetterQueue.connect({
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    namespace: env.NATS_NAMESPACE ?? '',
    ...natsCredentials(env),
  });
  try {
    if (command === 'list') {
      const letters = await queue.list(arg ? Number(arg) : 100);
      if (!letters.length) print('No dead letters.');
      for (const l of letters)
        print(
          `${l.id}\t${l.failedAt}\t${l.consumer}\t${l.subject}\t${l.deliveries}\t${l.error.slice(0, 120)}`,
        );
      return 0;
    }
    const done =
      command === 'show'
        ? await queue.show(id)
        : command === 'replay'
          ? await queue.replay(id)
          : (await queue.drop(id)) || undefined;
    if (!done) {
      print(`No dead letter ${id}.`);
      return 1;
    }
    if (command === 'show') print(JSON.stringify(done, null, 2));
    else if (command === 'replay')
      print(`Replayed ${id} to ${(done as DeadLetterEntry).consumer} and removed it.`);
    else print(`Dropped ${id}.`);
    return 0;
  } finally {
    await close();
  }
}
