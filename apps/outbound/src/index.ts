export { startOutbound } from './start';
export * from './config';
