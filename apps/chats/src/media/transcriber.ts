import OpenAI, { toFile } from 'openai';

/** Voice notes to text through an OpenAI-compatible `/audio/transcriptions` endpoint. */
export class Transcriber {
  private readonly client: OpenAI;

  constructor(
    private readonly options: { baseUrl: string; apiKey?: string; model: string; timeoutMs: number },
  ) {
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey ?? 'unused',
      timeout: options.timeoutMs,
      maxRetries: 1,
    });
  }

  async transcribe(bytes: Buffer, contentType: string): Promise<string> {
    const extension = contentType.split('/')[1]?.split(';')[0] ?? 'ogg';
    const file = await toFile(bytes, `voice-note.${extension}`, { type: contentType });
    const result = await this.client.audio.transcriptions.create({ file, model: this.options.model });
    return result.text.trim();
  }
}
