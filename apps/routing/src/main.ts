import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { routingService } from './start';

runMain(routingService);
