// First: tracing (when configured) must patch http, undici and pg before anything loads them.
import '@app/telemetry/register';
import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { apiService } from './start';
import { createUserCommand } from './users/create-user.command';

if (process.argv[2] === 'user:create') {
  // The first admin (npm run user:create -- --email … --role admin): before anyone can sign in.
  createUserCommand(process.argv.slice(3)).catch((error: unknown) => {
    process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
} else {
  runMain(apiService);
}
