import type { Media } from '@app/contracts';
import type { MediaStore } from '@app/media';
import { mediaKind } from '@app/rules';
import type { ModelMessage } from './chat-model';

/** Photos sent to the model per turn: the newest few (each costs hundreds of tokens or more). */
export const MAX_IMAGES_PER_TURN = 4;

export const MEDIA_STORE = Symbol('MEDIA_STORE');

/** The member's newest kept photos as data URLs, by media key (read from the media store). */
export async function loadMemberImages(
  store: MediaStore,
  messages: ReadonlyArray<{ media: Media[] }>,
): Promise<Map<string, string>> {
  const photos = messages
    .flatMap((m) => m.media)
    .filter((m) => m.stored && mediaKind(m.contentType) === 'image')
    .slice(-MAX_IMAGES_PER_TURN);
  const images = new Map<string, string>();
  await Promise.all(
    photos.map(async (m) => {
      const bytes = m.stored ? await store.get(m.stored.key) : null;
      if (bytes && m.stored)
        images.set(m.stored.key, `data:${m.contentType};base64,${bytes.toString('base64')}`);
    }),
  );
  return images;
}

/** A member's message for the model: its text, and its photos as image parts when there are any. */
export function memberMessage(
  text: string,
  media: Media[],
  images: ReadonlyMap<string, string>,
): ModelMessage | null {
  const urls = media.flatMap((m) =>
    m.stored && images.has(m.stored.key) ? [images.get(m.stored.key) as string] : [],
  );
  if (!urls.length) return text ? { role: 'user', content: text } : null;
  return {
    role: 'user',
    content: [
      ...(text ? [{ type: 'text' as const, text }] : []),
      ...urls.map((url) => ({ type: 'image_url' as const, image_url: { url } })),
    ],
  };
}
