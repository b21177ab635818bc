import type { ChatActivity } from '@app/contracts';
import { ApiClient, ApiError } from './api-client';
import { colors, print, printJson, warn } from './output';
import { readSse } from './sse';

type StreamEvent = Omit<ChatActivity, 'workspaceId'>;

/** One line a human reads: when, what, which chat, and the message if there is one. */
function describe(event: StreamEvent): string {
  const time = colors.dim(new Date(event.at).toISOString().slice(11, 19));
  const chat = `${event.chat.channel} chat ${event.chat.id.slice(0, 8)}`;
  const message = event.message;
  if (!message) return `${time} ${colors.cyan(event.type)} ${chat}`;
  const arrow = message.direction === 'inbound' ? colors.green('←') : colors.blue('→');
  const text =
    message.body ??
    (message.contentSid ? `template ${message.contentSid}` : `${message.media.length} file(s)`);
  return `${time} ${colors.cyan(event.type)} ${chat} ${arrow} ${message.status}: ${text.replace(/\s+/g, ' ')}`;
}

/**
 * `chats tail`: follows GET /v1/stream until Ctrl-C. A dropped connection is opened again with
 * Last-Event-ID, so the API replays what was missed; `resync` means more was missed than it
 * replays (said in a line).
 */
export async function tailChats(api: ApiClient, flags: { json?: boolean }): Promise<void> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let lastEventId: string | null = null;
  let delay = 500;
  try {
    while (!abort.signal.aborted) {
      try {
        const res = await api.stream(
          '/v1/stream',
          lastEventId ? { 'last-event-id': lastEventId } : {},
          abort.signal,
        );
        delay = 500;
        // On stderr, so --json's stdout stays one event a line.
        warn(colors.dim(`Following ${api.login.apiUrl}/v1/stream (Ctrl-C to stop)`));
        for await (const event of readSse(res.body!)) {
          if (event.id) lastEventId = event.id;
          if (event.event === 'resync') {
            if (flags.json) printJson({ type: 'resync', ...(JSON.parse(event.data) as object) });
            else warn(colors.yellow('Some events were missed (the stream asked for a reload).'));
            continue;
          }
          const data = JSON.parse(event.data) as StreamEvent;
          if (flags.json) printJson({ id: event.id, ...data });
          else print(describe(data));
        }
      } catch (error) {
        if (abort.signal.aborted) break;
        // A key or a request the API refuses will not get better by retrying.
        if (error instanceof ApiError && !error.transient) throw error;
        if (!flags.json) warn(colors.yellow(`Stream cut (${(error as Error).message}); reconnecting…`));
      }
      if (abort.signal.aborted) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
