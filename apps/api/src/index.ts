export { startApi } from './start';
export * from './config';
export { buildOfflineOpenApiDocument } from './docs/openapi-offline';
