import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { ingressService } from './start';

runMain(ingressService);
