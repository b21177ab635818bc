import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMediaStore } from './create-media-store';
import type { MediaStore } from './media-store';
import { startS3Server } from '@app/testing';

describe('S3MediaStore (against s3rver, a real S3-protocol server)', () => {
  let server: Awaited<ReturnType<typeof startS3Server>>;
  let store: MediaStore;

  beforeAll(async () => {
    server = await startS3Server();
    store = createMediaStore(server.settings);
  });
  afterAll(() => server?.close());

  it('keeps, reads and removes files by key (making the bucket on the first file); a prefix removes its folder only', async () => {
    await store.put('ws1/MM1/0', Buffer.from('photo'), 'image/png');
    await store.put('ws1/MM1/1', Buffer.from('voice'), 'audio/ogg');
    await store.put('ws10/MM2/0', Buffer.from('other workspace'), 'image/png');
    expect((await store.get('ws1/MM1/0'))?.toString()).toBe('photo');
    expect(await store.get('ws1/MM1/9')).toBeNull();

    await store.remove('ws1');
    expect(await store.get('ws1/MM1/0')).toBeNull();
    expect(await store.get('ws1/MM1/1')).toBeNull();
    expect((await store.get('ws10/MM2/0'))?.toString()).toBe('other workspace');
    await expect(store.put('../escape', Buffer.from('x'))).rejects.toThrow('Not a media key');
  });

  it('hands out a signed URL that reads the file without credentials until it expires', async () => {
    await store.put('ws2/MM3/0', Buffer.from('menu'), 'image/jpeg');
    const url = await store.signedUrl('ws2/MM3/0', 60);
    expect(url).toContain('X-Amz-Signature=');
    const read = await fetch(url!);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(await read.text()).toBe('menu');

    // s3rver checks a presigned URL's expiry but not its V4 signature (MinIO and S3 check both).
    const short = await store.signedUrl('ws2/MM3/0', 1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await fetch(short!)).status).toBe(403);
  });

  it('a directory store serves no URLs', async () => {
    const files = createMediaStore({
      MEDIA_STORE: 'file',
      MEDIA_DIR: await mkdtemp(join(tmpdir(), 'media-')),
      MEDIA_S3_BUCKET: 'media',
      MEDIA_S3_REGION: 'us-east-1',
      MEDIA_S3_ACCESS_KEY_ID: '',
      MEDIA_S3_SECRET_ACCESS_KEY: '',
    });
    await files.put('ws1/MM1/0', Buffer.from('x'));
    expect(await files.signedUrl('ws1/MM1/0', 60)).toBeNull();
  });
});
