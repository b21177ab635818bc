import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadOutboundConfig } from './config';
import { outboundPersistence } from './outbound.module';
import { startOutbound } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadOutboundConfig();
  const dataSource = await openDataSource(outboundPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`outbound: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `outbound: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startOutbound());
}
