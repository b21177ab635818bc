import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A chat-completions request as the scripted server recorded it. */
export interface RecordedLlmRequest {
  model: string;
  messages: Array<{
    role: string;
    /** Text, or parts (text and `image_url`) for a member's message with photos. */
    content?: string | null | Array<{ type: string; text?: string; image_url?: { url: string } }>;
    tool_calls?: unknown[];
    tool_call_id?: string;
  }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  headers: Record<string, string | string[] | undefined>;
}

/** A voice note as `POST /v1/audio/transcriptions` received it. */
export interface RecordedTranscription {
  model: string;
  contentType: string;
  bytes: number;
}

/** One scripted answer, taken in order from the queue. */
export type ScriptedLlmResponse =
  | { text: string; delayMs?: number }
  | {
      toolCalls: Array<{ name: string; arguments: Record<string, unknown> | string; id?: string }>;
      delayMs?: number;
    }
  | { status: number; body?: string; delayMs?: number }
  /** Sends a 200 with a body that is not JSON at all. */
  | { garbage: string; delayMs?: number }
  /** Never answers (until the server closes): a model that hangs. */
  | { hang: true };

/**
 * An OpenAI-compatible model for tests: a real HTTP server answering `POST /v1/chat/completions`
 * from a queue of scripted responses and recording every request. An empty queue answers 500.
 * Give the service `LLM_BASE_URL=<server.baseUrl>`.
 */
export class ScriptedLlm {
  readonly requests: RecordedLlmRequest[] = [];
  readonly transcriptions: RecordedTranscription[] = [];
  private readonly transcripts: string[] = [];
  private readonly queue: ScriptedLlmResponse[] = [];
  private readonly open = new Set<ServerResponse>();
  private calls = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<ScriptedLlm> {
    const holder: { llm?: ScriptedLlm } = {};
    const server = createServer((req, res) => void holder.llm?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    holder.llm = new ScriptedLlm(server, `http://127.0.0.1:${port}/v1`);
    return holder.llm;
  }

  /** Queues answers, used one per request, in order. */
  script(...responses: ScriptedLlmResponse[]): this {
    this.queue.push(...responses);
    return this;
  }

  /** Queues transcripts for `POST /v1/audio/transcriptions`, one per request, in order (none left: 500). */
  scriptTranscripts(...texts: string[]): this {
    this.transcripts.push(...texts);
    return this;
  }

  /** Requests whose system prompt contains `marker` (tests share one server: tell their requests apart). */
  requestsWith(marker: string): RecordedLlmRequest[] {
    return this.requests.filter((r) =>
      r.messages.some(
        (m) => m.role === 'system' && typeof m.content === 'string' && m.content.includes(marker),
      ),
    );
  }

  /** Drops unused scripted answers and recorded requests. */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
  }

  get pending(): number {
    return this.queue.length;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url?.endsWith('/audio/transcriptions')) {
      await this.transcribe(req, Buffer.concat(chunks), res);
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<RecordedLlmRequest, 'headers'>;
    this.requests.push({ ...body, headers: req.headers });
    const next = this.queue.shift() ?? {
      status: 500,
      body: JSON.stringify({ error: { message: 'no scripted response left' } }),
    };
    if ('hang' in next) {
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      return;
    }
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    if (res.destroyed) return;
    if ('status' in next) {
      res
        .writeHead(next.status, { 'content-type': 'application/json' })
        .end(next.body ?? JSON.stringify({ error: { message: `scripted ${next.status}` } }));
    } else if ('garbage' in next) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(next.garbage);
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(this.completion(body.model, next)));
    }
  }

  /** Whisper's API: a multipart form with `file` and `model`, answered `{ text }`. */
  private async transcribe(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const form = await new Request('http://scripted/', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type']) },
      body,
    }).formData();
    const file = form.get('file');
    const text = this.transcripts.shift();
    if (!(file instanceof Blob) || text === undefined) {
      res.writeHead(file instanceof Blob ? 500 : 400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: { message: file instanceof Blob ? 'no scripted transcript left' : 'no file' },
        }),
      );
      return;
    }
    const model = form.get('model');
    this.transcriptions.push({
      model: typeof model === 'string' ? model : '',
      contentType: file.type,
      bytes: file.size,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }));
  }

  private completion(
    model: string,
    answer: Extract<ScriptedLlmResponse, { text: string } | { toolCalls: unknown }>,
  ) {
    const id = ++this.calls;
    const message =
      'text' in answer
        ? { role: 'assistant', content: answer.text }
        : {
            role: 'assistant',
            content: null,
            tool_calls: answer.toolCalls.map((c, i) => ({
              id: c.id ?? `call_${id}_${i}`,
              type: 'function',
              function: {
                name: c.name,
                arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
              },
            })),
          };
    return {
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message, finish_reason: 'text' in answer ? 'stop' : 'tool_calls' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
  }
}
