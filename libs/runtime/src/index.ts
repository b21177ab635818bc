export * from './bootstrap';
export * from './health.controller';
export * from './logger';
export * from './error-log.filter';
