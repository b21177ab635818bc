/** One Server-Sent Event as a client reads it. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Reads a Server-Sent Events stream with fetch (headers of our choosing, unlike EventSource):
 * `events` fills as frames arrive; `lastId` is what a reconnect sends as Last-Event-ID.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  /** Comment lines (heartbeats). */
  comments = 0;
  ended = false;
  status = 0;
  private readonly abort = new AbortController();

  private constructor() {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const reader = new SseReader();
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: reader.abort.signal,
    });
    reader.status = res.status;
    if (!res.ok || !res.body) {
      reader.ended = true;
      reader.events.push({ id: null, event: 'http_error', data: await res.text() });
      return reader;
    }
    void reader.pump(res.body);
    return reader;
  }

  get lastId(): string | null {
    for (let i = this.events.length - 1; i >= 0; i--)
      if (this.events[i].id !== null) return this.events[i].id;
    return null;
  }

  /** The parsed data of the events of these types. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data<T = any>(...types: string[]): T[] {
    return this.events
      .filter((e) => !types.length || types.includes(e.event))
      .map((e) => JSON.parse(e.data) as T);
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.frame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted or cut
    }
    this.ended = true;
  }

  private frame(text: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    let fields = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const at = line.indexOf(':');
      const field = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      fields++;
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (fields && data.length) this.events.push({ id, event, data: data.join('\n') });
  }
}
