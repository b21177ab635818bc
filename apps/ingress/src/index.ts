export { startIngress } from './start';
export * from './config';
