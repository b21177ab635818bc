export { startChats } from './start';
export * from './config';
