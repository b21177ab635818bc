import { Anchor, Image, Stack, Text } from '@mantine/core';
import { mediaKind } from '@app/rules';
import type { ChatMessage } from '../api/types';

type Media = ChatMessage['media'][number];

const IMAGE_FILE = /\.(jpe?g|png|gif|webp)(\?|#|$)/i;
const KIND_LABEL = {
  image: 'Photo',
  audio: 'Voice note',
  video: 'Video',
  document: 'Document',
  contact: 'Contact',
};

/** What a file is, for people: its kind and type, e.g. "Photo (image/png)". */
export function mediaLabel(media: Media): string {
  const kind = media.contentType ? mediaKind(media.contentType) : IMAGE_FILE.test(media.url) ? 'image' : null;
  const name = kind ? KIND_LABEL[kind] : 'File';
  return media.contentType ? `${name} (${media.contentType})` : name;
}

/**
 * The files of a message. Images we sent by public https URL, and kept files the store signs a URL
 * for (S3), show inline with their label as alt text, other files as links; a file without a URL
 * is named with what became of it (kept, or refused and why), and a voice note with its transcript.
 */
export function MessageMedia({ media }: { media: Media[] }) {
  if (!media.length) return null;
  return (
    <Stack gap={4} mt={4} component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Attachments">
      {media.map((m, i) => {
        const label = mediaLabel(m);
        // Ours by public URL, or a kept file through its signed URL (when the store serves them).
        const publicUrl =
          m.viewUrl ?? (m.url.startsWith('https://') && !m.stored && !m.refused ? m.url : null);
        return (
          <li key={`${m.url}-${i}`}>
            {publicUrl && label.startsWith('Photo') ? (
              <Anchor href={publicUrl} target="_blank" rel="noreferrer">
                <Image src={publicUrl} alt={label} maw={240} radius="sm" />
              </Anchor>
            ) : publicUrl ? (
              <Anchor href={publicUrl} target="_blank" rel="noreferrer" size="sm">
                {label}
              </Anchor>
            ) : (
              <Text size="xs" c={m.refused ? 'red.8' : 'dimmed'}>
                {m.refused ? `${label}: not kept, ${m.refused.reason}` : `${label}, kept`}
              </Text>
            )}
            {m.transcript ? (
              <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                Transcript: {m.transcript}
              </Text>
            ) : null}
          </li>
        );
      })}
    </Stack>
  );
}
