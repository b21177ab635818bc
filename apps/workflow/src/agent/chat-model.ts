import { Inject, Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { AGENT_OPTIONS, type AgentOptions } from './agent-options';

export type ModelMessage = ChatCompletionMessageParam;
export type ModelTool = ChatCompletionTool;

export interface ModelToolCall {
  id: string;
  name: string;
  /** The raw JSON text the model wrote; parsed by the caller. */
  arguments: string;
}

export interface ModelAnswer {
  content: string | null;
  toolCalls: ModelToolCall[];
}

/** The model answered something that is not a chat completion (or nothing usable). */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

// What we rely on in an answer; anything else a server adds is ignored.
const Completion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                type: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.string().default('{}') }),
              }),
            )
            .nullish(),
        }),
      }),
    )
    .min(1),
});

/** One chat-completions call to any OpenAI-compatible server, through the official client. */
@Injectable()
export class ChatModel {
  private readonly client: OpenAI | null;

  constructor(@Inject(AGENT_OPTIONS) private readonly options: AgentOptions) {
    this.client = options.baseUrl
      ? new OpenAI({
          baseURL: options.baseUrl,
          // Local servers often need no key; the client insists on one.
          apiKey: options.apiKey ?? 'unused',
          timeout: options.timeoutMs,
          // The turn has its own deadline and fallback; a retry inside it would only eat the budget.
          maxRetries: 0,
        })
      : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async complete(input: {
    model: string;
    messages: ModelMessage[];
    tools: ModelTool[];
    timeoutMs: number;
  }): Promise<ModelAnswer> {
    if (!this.client) throw new ModelError('no model is configured (LLM_BASE_URL is not set)');
    let raw: unknown;
    const started = Date.now();
    try {
      raw = await this.client.chat.completions.create(
        {
          model: input.model,
          messages: input.messages,
          ...(input.tools.length ? { tools: input.tools } : {}),
        },
        { timeout: input.timeoutMs, maxRetries: 0 },
      );
    } catch (error) {
      // A timeout can surface as a plain connection error (the abort seen from another realm).
      const timedOut = Date.now() - started >= input.timeoutMs - 50;
      throw new ModelError(
        timedOut && error instanceof OpenAI.APIConnectionError
          ? 'the model did not answer in time'
          : describe(error),
      );
    }
    const parsed = Completion.safeParse(raw);
    if (!parsed.success)
      throw new ModelError('the model server answered something that is not a chat completion');
    const message = parsed.data.choices[0].message;
    return {
      content: message.content ?? null,
      toolCalls: (message.tool_calls ?? []).map((c) => ({
        id: c.id,
        name: c.function.name,
        arguments: c.function.arguments,
      })),
    };
  }
}

/** Status and kind, never the request (it holds the conversation). */
function describe(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'the model did not answer in time';
  if (error instanceof OpenAI.APIConnectionError) return 'the model server could not be reached';
  if (error instanceof OpenAI.APIError) return `the model server answered HTTP ${error.status ?? '?'}`;
  if ((error as { name?: unknown } | null)?.name === 'SyntaxError')
    return 'the model server answered something that is not JSON';
  return error instanceof Error
    ? `${error.name}: ${error.message.split('\n')[0].slice(0, 200)}`
    : 'unknown model error';
}
