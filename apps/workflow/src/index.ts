export { startWorkflow } from './start';
export * from './config';
