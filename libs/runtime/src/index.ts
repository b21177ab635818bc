export * from './bootstrap';
export * from './service';
export * from './health.controller';
export * from './logger';
export * from './error-log.filter';
export * from './periodic-sweeper';
export * from './http-metrics';
