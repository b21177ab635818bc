import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadRoutingConfig } from './config';
import { routingPersistence } from './routing.module';
import { startRouting } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadRoutingConfig();
  const dataSource = await openDataSource(routingPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`routing: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `routing: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startRouting());
}
