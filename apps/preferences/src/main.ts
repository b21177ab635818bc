// First: tracing (when configured) must patch http, undici and pg before anything loads them.
import '@app/telemetry/register';
import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { preferencesService } from './start';

runMain(preferencesService);
