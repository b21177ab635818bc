export { startRouting } from './start';
export * from './config';
