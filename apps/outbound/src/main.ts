import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { outboundService } from './start';

runMain(outboundService);
