// One fault run's world: private NATS and Postgres, every service as a process, probes on both.
import { Api, Emulator } from './clients';
import { PrivateNats, PrivatePostgres } from './infra';
import { Database, JetStreamProbe } from './observe';
import { Stack } from './stack';
import { logDirFor } from './verdict';

export class FaultEnvironment {
  private constructor(
    readonly logDir: string,
    readonly nats: PrivateNats,
    readonly pg: PrivatePostgres,
    readonly stack: Stack,
    readonly api: Api,
    readonly emulator: Emulator,
  ) {}

  static async start(scenario: string, env: Record<string, string> = {}): Promise<FaultEnvironment> {
    const logDir = logDirFor(scenario);
    const nats = await PrivateNats.start(logDir);
    let pg: PrivatePostgres | undefined;
    try {
      pg = await PrivatePostgres.start(logDir);
      const stack = await Stack.start({ logDir, natsUrl: nats.url, databaseUrl: pg.url, env });
      return new FaultEnvironment(
        logDir,
        nats,
        pg,
        stack,
        new Api(stack.apiUrl),
        new Emulator(stack.emulatorUrl),
      );
    } catch (error) {
      await pg?.stop();
      await nats.stop();
      throw error;
    }
  }

  jetstream(): Promise<JetStreamProbe> {
    return JetStreamProbe.connect(this.nats.url);
  }

  database(): Database {
    return new Database(this.pg.url);
  }

  async stop(): Promise<void> {
    await this.stack.stop().catch(() => undefined);
    await this.nats.stop().catch(() => undefined);
    await this.pg.stop().catch(() => undefined);
  }
}
