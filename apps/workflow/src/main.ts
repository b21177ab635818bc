import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { workflowService } from './start';

runMain(workflowService);
