import 'reflect-metadata';
import { runMain } from '@app/runtime';
import { apiService } from './start';

runMain(apiService);
