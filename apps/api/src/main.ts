import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadApiConfig } from './config';
import { apiPersistence } from './api.module';
import { startApi } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadApiConfig();
  const dataSource = await openDataSource(apiPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`api: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `api: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startApi());
}
