// What the checks read besides the emulator: JetStream consumer lag and dead letters on the
// private NATS, and the services' own tables on the private Postgres (read-only).
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';

export interface ConsumerLag {
  stream: string;
  consumer: string;
  pending: number;
  ackPending: number;
  redelivered: number;
  /** A durable (shared work) rather than an ephemeral consumer. */
  durable?: boolean;
  /** Acknowledges nothing (an ordered reader such as the api's live feed): its pending is not work. */
  ackNone?: boolean;
}

export interface DeadLetterSummary {
  subject: string;
  service?: string;
  consumerSubject?: string;
  error?: string;
  msgId?: string;
}

export class JetStreamProbe {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
  ) {}

  static async connect(url: string): Promise<JetStreamProbe> {
    const nc = await connect({
      servers: url.split(','),
      name: 'faults-probe',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    return new JetStreamProbe(nc, await jetstreamManager(nc, { timeout: 10_000 }));
  }

  /** Every durable consumer of every stream, with what it has not yet handled. */
  async lag(): Promise<ConsumerLag[]> {
    const out: ConsumerLag[] = [];
    for await (const name of this.jsm.streams.names()) {
      for await (const info of this.jsm.consumers.list(name)) {
        out.push({
          stream: name,
          consumer: info.name,
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
          durable: !!info.config.durable_name,
          ackNone: info.config.ack_policy === 'none',
        });
      }
    }
    return out;
  }

  /**
   * The JSON payloads of one subject of a stream and its partitions (`<subject>.<n>`), in stream
   * order (an ordered consumer over the whole stream, since NATS 2.9 takes one filter; acks nothing).
   */
  async payloads<T = Record<string, unknown>>(stream: string, subject: string): Promise<T[]> {
    const info = await this.jsm.streams.info(stream).catch(() => null);
    if (!info || info.state.messages === 0) return [];
    const consumer = await jetstream(this.nc).consumers.get(stream);
    const partition = new RegExp(`^${subject.replace(/\./g, '\\.')}(\\.\\d+)?$`);
    const out: T[] = [];
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 1000, expires: 2000 });
      let got = 0;
      let last = 0;
      for await (const m of batch) {
        got++;
        last = m.seq;
        if (!partition.test(m.subject)) continue;
        try {
          out.push(m.json<T>());
        } catch {
          // not JSON: skipped
        }
      }
      if (got === 0 || last >= info.state.last_seq) break;
    }
    return out;
  }

  /** Messages a stream holds (0 when it does not exist yet). */
  async streamMessages(name: string): Promise<number> {
    try {
      return (await this.jsm.streams.info(name)).state.messages;
    } catch {
      return 0;
    }
  }

  async streamNames(): Promise<string[]> {
    const names: string[] = [];
    for await (const name of this.jsm.streams.names()) names.push(name);
    return names;
  }

  /** The dead letters of the run (the DLQ stream's messages, decoded). */
  async deadLetters(stream = 'DLQ'): Promise<DeadLetterSummary[]> {
    let info;
    try {
      info = await this.jsm.streams.info(stream);
    } catch {
      return [];
    }
    const out: DeadLetterSummary[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      try {
        const m = await this.jsm.streams.getMessage(stream, { seq });
        if (!m) continue;
        let letter: Record<string, unknown> = {};
        try {
          letter = m.json<Record<string, unknown>>();
        } catch {
          // not JSON: reported by subject only
        }
        out.push({
          subject: m.subject,
          service: typeof letter.service === 'string' ? letter.service : undefined,
          consumerSubject: typeof letter.subject === 'string' ? letter.subject : undefined,
          error: typeof letter.error === 'string' ? letter.error : JSON.stringify(letter.error ?? null),
          msgId: typeof letter.msgId === 'string' ? letter.msgId : undefined,
        });
      } catch {
        // deleted sequence
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.nc.close().catch(() => undefined);
  }
}

/** Read-only queries on the services' schemas (verification only; no service reads another's). */
export class Database {
  constructor(private readonly url: string) {}

  /** A connection per query: Postgres is restarted during the run. */
  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Inbound chat messages per Twilio SID, in one workspace. */
  async storedInbound(workspaceId: string): Promise<Map<string, number>> {
    const rows = await this.query<{ twilio_sid: string; n: string }>(
      `SELECT twilio_sid, count(*) AS n FROM chats.chat_messages WHERE workspace_id = $1 AND direction = 'inbound' GROUP BY twilio_sid`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.twilio_sid, Number(r.n)]));
  }

  /** Workflow turns per inbound SID (one row per answered input) and their status. */
  async turns(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.query<{ turn_key: string; status: string }>(
      `SELECT turn_key, status FROM workflow.turns WHERE workspace_id = $1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.turn_key, r.status]));
  }

  /** Outbound's send records of a workspace. */
  async outboundSends(
    workspaceId: string,
  ): Promise<Array<{ idempotency_key: string; status: string; twilio_sid: string | null; kind: string }>> {
    return this.query(
      `SELECT idempotency_key, status, twilio_sid, kind FROM outbound.sends WHERE workspace_id = $1`,
      [workspaceId],
    );
  }

  /**
   * A fingerprint of every table in the services' schemas (row count and content hash), to tell
   * whether anything was stored between two points.
   */
  async fingerprint(): Promise<Map<string, string>> {
    const tables = await this.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public') ORDER BY 1, 2`,
    );
    const out = new Map<string, string>();
    for (const { s, t } of tables) {
      const [row] = await this.query<{ n: string; h: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${s}"."${t}" x`,
      );
      out.set(`${s}.${t}`, `${row.n}:${row.h ?? ''}`);
    }
    return out;
  }

  async close(): Promise<void> {
    // nothing held between queries
  }
}

/** Tables whose fingerprints differ. */
export function changedTables(
  before: Map<string, string>,
  after: Map<string, string>,
  ignore: string[] = [],
): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !ignore.includes(name) && before.get(name) !== after.get(name)).sort();
}
