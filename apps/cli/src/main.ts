import { CommanderError } from 'commander';
import { ApiError } from './api-client';
import { colors, warn } from './output';
import { buildProgram } from './program';
import { UsageError } from './settings';

buildProgram()
  .exitOverride()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // Commander has printed its own message (unknown option, --help, --version).
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof UsageError) {
      warn(colors.red(error.message));
      process.exit(2);
    }
    if (error instanceof ApiError) {
      warn(colors.red(error.status ? `The API answered ${error.status}: ${error.message}` : error.message));
      process.exit(1);
    }
    throw error;
  });
