export * from './cel';
export * from './cost';
