import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { chatsService } from './start';

runMain(chatsService);
