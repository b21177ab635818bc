import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type S3rverClass = new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

/** A local S3-compatible server and the media store settings that point at it (no bucket yet). */
export async function startS3Server(): Promise<{
  settings: {
    MEDIA_STORE: 's3';
    MEDIA_DIR: string;
    MEDIA_S3_BUCKET: string;
    MEDIA_S3_ENDPOINT: string;
    MEDIA_S3_REGION: string;
    MEDIA_S3_ACCESS_KEY_ID: string;
    MEDIA_S3_SECRET_ACCESS_KEY: string;
  };
  close(): Promise<void>;
}> {
  // s3rver: an S3-protocol HTTP server on the filesystem (npm), loaded only by the specs that use
  // it. It checks a presigned URL's expiry but not its V4 signature (MinIO and S3 check both).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as S3rverClass;
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: await mkdtemp(join(tmpdir(), 's3rver-')),
  });
  const { port } = await server.run();
  return {
    settings: {
      MEDIA_STORE: 's3',
      MEDIA_DIR: 'unused',
      MEDIA_S3_BUCKET: 'media',
      MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      MEDIA_S3_REGION: 'us-east-1',
      // s3rver's fixed development credentials.
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: () => server.close(),
  };
}
