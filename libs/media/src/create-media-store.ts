import { FileMediaStore, type MediaStore } from './media-store';
import { S3MediaStore } from './s3-media-store';

/** The settings `mediaStoreConfigShape` (@app/config) reads from the environment. */
export interface MediaStoreSettings {
  MEDIA_STORE: 'file' | 's3';
  MEDIA_DIR: string;
  MEDIA_S3_BUCKET: string;
  MEDIA_S3_ENDPOINT?: string;
  MEDIA_S3_REGION: string;
  MEDIA_S3_ACCESS_KEY_ID: string;
  MEDIA_S3_SECRET_ACCESS_KEY: string;
}

/** The store the settings choose: a directory by default, an S3-compatible bucket with `MEDIA_STORE=s3`. */
export function createMediaStore(settings: MediaStoreSettings): MediaStore {
  if (settings.MEDIA_STORE === 'file') return new FileMediaStore(settings.MEDIA_DIR);
  return new S3MediaStore({
    bucket: settings.MEDIA_S3_BUCKET,
    endpoint: settings.MEDIA_S3_ENDPOINT,
    region: settings.MEDIA_S3_REGION,
    accessKeyId: settings.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: settings.MEDIA_S3_SECRET_ACCESS_KEY,
  });
}
