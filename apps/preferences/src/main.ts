import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadPreferencesConfig } from './config';
import { preferencesPersistence } from './preferences.module';
import { startPreferences } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadPreferencesConfig();
  const dataSource = await openDataSource(preferencesPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`preferences: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `preferences: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startPreferences());
}
