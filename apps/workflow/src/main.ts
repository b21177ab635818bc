import 'reflect-metadata';
import { openDataSource } from '@app/persistence';
import { runService } from '@app/runtime';
import { loadWorkflowConfig } from './config';
import { workflowPersistence } from './workflow.module';
import { startWorkflow } from './start';

async function migrateOnly(): Promise<void> {
  const config = loadWorkflowConfig();
  const dataSource = await openDataSource(workflowPersistence(config));
  await dataSource.destroy();
  process.stdout.write(`workflow: migrations applied\n`);
}

if (process.argv[2] === 'migrate') {
  migrateOnly().catch((error: unknown) => {
    process.stderr.write(
      `workflow: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  void runService(() => startWorkflow());
}
