export { startPreferences } from './start';
export * from './config';
