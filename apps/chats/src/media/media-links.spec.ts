import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage } from '@app/contracts';
import { createMediaStore } from '@app/media';
import { startS3Server } from '@app/testing';
import type { ChatsConfig } from '../config';
import { MediaLinks } from './media-links';

const message = (media: ChatMessage['media']): ChatMessage => ({
  id: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
  chatId: '0b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  direction: 'inbound',
  body: '',
  contentSid: null,
  media,
  status: 'received',
  errorCode: null,
  errorReason: null,
  twilioSid: 'MM1',
  sendId: null,
  createdAt: '2026-03-02T09:15:00.000Z',
});

describe('MediaLinks (a real S3-protocol server, s3rver)', () => {
  let server: Awaited<ReturnType<typeof startS3Server>>;
  let settings: ChatsConfig;

  beforeAll(async () => {
    server = await startS3Server();
    settings = { ...server.settings, MEDIA_URL_TTL_SECONDS: 120 } as ChatsConfig;
  });
  afterAll(() => server?.close());

  it('gives each kept file a signed URL that shows it, and leaves refused files and directory stores alone', async () => {
    await createMediaStore(settings).put('ws1/MM1/0', Buffer.from('png!'), 'image/png');
    const [linked] = await new MediaLinks(settings).withLinks([
      message([
        {
          url: 'https://api.twilio.com/x/ME1',
          contentType: 'image/png',
          stored: { key: 'ws1/MM1/0', size: 4 },
        },
        {
          url: 'https://api.twilio.com/x/ME2',
          contentType: 'application/zip',
          refused: { code: 'unsupported_type', reason: 'no' },
        },
      ]),
    ]);
    const url = linked.media[0].viewUrl!;
    expect(url).toMatch(/X-Amz-Expires=120/);
    const shown = await fetch(url);
    expect(await shown.text()).toBe('png!');
    expect(linked.media[1].viewUrl).toBeUndefined();

    const files = {
      ...settings,
      MEDIA_STORE: 'file',
      MEDIA_DIR: await mkdtemp(join(tmpdir(), 'media-')),
    } as ChatsConfig;
    const plain = message([{ url: 'x', contentType: 'image/png', stored: { key: 'ws1/MM1/0', size: 4 } }]);
    expect(await new MediaLinks(files).withLinks([plain])).toEqual([plain]);
  });
});
