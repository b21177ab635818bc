export * from './media-store';
export * from './fetch-media';
export * from './s3-media-store';
export * from './create-media-store';
