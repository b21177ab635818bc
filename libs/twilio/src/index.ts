export * from './address';
export * from './choice';
export * from './client';
export * from './error-codes';
export * from './signature';
