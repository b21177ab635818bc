export * from './address';
export * from './client';
export * from './error-codes';
export * from './signature';
