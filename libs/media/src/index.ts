export * from './media-store';
export * from './fetch-media';
