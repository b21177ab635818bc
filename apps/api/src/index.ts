export { startApi } from './start';
export * from './config';
