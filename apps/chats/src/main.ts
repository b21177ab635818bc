import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadChatsConfig } from './config';
import { chatsPersistence } from './chats.module';
import { startChats } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadChatsConfig();
  const dataSource = await openDataSource(chatsPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`chats: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `chats: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startChats());
}
