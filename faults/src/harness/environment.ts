// One fault run's world: private NATS and Postgres, every service as a process, probes on both.
import { Api, Emulator } from './clients';
import { PrivateNats, PrivatePostgres } from './infra';
import { Database, JetStreamProbe } from './observe';
import { Stack } from './stack';
import { logDirFor } from './verdict';

export class FaultEnvironment {
  /** The probes and pools handed out, closed by stop(). */
  private readonly opened: Array<{ close(): Promise<void> }> = [];

  private constructor(
    readonly logDir: string,
    /** The first (or only) NATS node. */
    readonly nats: PrivateNats,
    /** Every NATS node (one unless the run asked for a cluster). */
    readonly natsNodes: PrivateNats[],
    readonly pg: PrivatePostgres,
    readonly stack: Stack,
    readonly api: Api,
    readonly emulator: Emulator,
  ) {}

  static async start(
    scenario: string,
    env: Record<string, string> = {},
    options: { natsNodes?: number } = {},
  ): Promise<FaultEnvironment> {
    const logDir = logDirFor(scenario);
    const natsNodes =
      (options.natsNodes ?? 1) > 1
        ? await PrivateNats.startCluster(logDir, options.natsNodes)
        : [await PrivateNats.start(logDir)];
    const nats = natsNodes[0];
    const natsUrl = natsNodes.map((n) => n.url).join(',');
    let pg: PrivatePostgres | undefined;
    try {
      pg = await PrivatePostgres.start(logDir);
      const stack = await Stack.start({ logDir, natsUrl, databaseUrl: pg.url, env });
      return new FaultEnvironment(
        logDir,
        nats,
        natsNodes,
        pg,
        stack,
        new Api(stack.apiUrl),
        new Emulator(stack.emulatorUrl),
      );
    } catch (error) {
      await pg?.stop();
      await Promise.all(natsNodes.map((n) => n.stop()));
      throw error;
    }
  }

  async jetstream(): Promise<JetStreamProbe> {
    const probe = await JetStreamProbe.connect(this.natsNodes.map((n) => n.url).join(','));
    this.opened.push(probe);
    return probe;
  }

  database(): Database {
    const db = new Database(this.pg.url);
    this.opened.push(db);
    return db;
  }

  /** Closes what it handed out (a spec may have closed some already), then stops everything. */
  async stop(): Promise<void> {
    for (const o of this.opened) await o.close().catch(() => undefined);
    await this.stack.stop().catch(() => undefined);
    await Promise.all(this.natsNodes.map((n) => n.stop().catch(() => undefined)));
    await this.pg.stop().catch(() => undefined);
  }
}
