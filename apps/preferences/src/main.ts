import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { preferencesService } from './start';

runMain(preferencesService);
