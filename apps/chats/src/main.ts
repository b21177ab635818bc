// First: tracing (when configured) must patch http, undici and pg before anything loads them.
import '@app/telemetry/register';
import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { chatsService } from './start';

runMain(chatsService);
