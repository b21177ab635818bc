import type { ServerResponse } from 'node:http';

/** One Server-Sent Events frame; `id` is the event's JetStream sequence (what Last-Event-ID names). */
export interface SseFrame {
  id?: number;
  event: string;
  data: unknown;
}

export function formatFrame(frame: SseFrame): string {
  const id = frame.id === undefined ? '' : `id: ${frame.id}\n`;
  return `${id}event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

/** Why a client is told to reload what it shows instead of getting events. */
export type ResyncReason = 'slow_client' | 'too_many_missed' | 'unknown_event_id';

/**
 * One connected stream. Writes never wait: what the client has not read yet stays in the
 * socket's buffer, and once that passes `maxBufferedBytes` the client is sent a `resync` event
 * and disconnected, so a slow reader costs the api a bounded amount of memory and never slows
 * the others. Until `live()`, events are held (a reconnect's replay goes first), as bounded.
 */
export class SseClient {
  private held: SseFrame[] | null = [];
  private heldBytes = 0;
  private closed = false;
  /** The highest event id written: a live event at or below it was already replayed. */
  private lastId = 0;

  constructor(
    private readonly raw: ServerResponse,
    private readonly maxBufferedBytes: number,
    private readonly hooks: { onClose: () => void; onResync: (reason: ResyncReason) => void },
  ) {
    raw.on('close', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a frame now, or holds it while the replay runs. */
  send(frame: SseFrame): void {
    if (this.closed) return;
    if (this.held) {
      this.held.push(frame);
      this.heldBytes += JSON.stringify(frame.data).length;
      if (this.heldBytes > this.maxBufferedBytes) this.drop('slow_client');
      return;
    }
    this.write(frame);
  }

  /** Writes a replayed frame (ahead of anything held). */
  replayed(frame: SseFrame): void {
    this.write(frame);
  }

  /** Ends the replay: held live frames not already replayed follow, then frames go out as they come. */
  live(): void {
    const held = this.held ?? [];
    this.held = null;
    this.heldBytes = 0;
    for (const frame of held) this.write(frame);
  }

  comment(text: string): void {
    if (this.closed) return;
    this.raw.write(`: ${text}\n\n`);
  }

  /** Tells the client to reload what it shows (it missed events), and disconnects it. */
  drop(reason: ResyncReason): void {
    if (this.closed) return;
    this.hooks.onResync(reason);
    this.raw.write(formatFrame({ event: 'resync', data: { reason } }));
    this.close();
    this.raw.end();
    // A client that reads nothing would keep the socket (and the buffer) forever.
    setTimeout(() => this.raw.destroy(), 5_000).unref();
  }

  /** A resync hint that keeps the stream open (a reconnect that missed too much). */
  hint(reason: ResyncReason): void {
    if (this.closed) return;
    this.hooks.onResync(reason);
    this.raw.write(formatFrame({ event: 'resync', data: { reason } }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = null;
    this.hooks.onClose();
  }

  private write(frame: SseFrame): void {
    if (this.closed) return;
    if (frame.id !== undefined) {
      if (frame.id <= this.lastId) return;
      this.lastId = frame.id;
    }
    this.raw.write(formatFrame(frame));
    if (this.raw.writableLength > this.maxBufferedBytes) this.drop('slow_client');
  }
}
