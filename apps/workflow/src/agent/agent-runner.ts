import { Inject, Injectable, Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { currentTraceId, withSpan } from '@app/messaging';
import { AbilityRegistry } from '../abilities/ability-registry';
import type { Ability } from '../abilities/ability';
import type { AgentStep } from '../definitions/steps';
import type { Turn, TurnState } from '../turn/turn';
import { AGENT_OPTIONS, type AgentOptions } from './agent-options';
import { isModelAllowed } from '../definitions/allowed-models';
import { modelSeconds } from './agent-metrics';
import { ChatModel, ModelError, type ModelMessage, type ModelTool } from './chat-model';
import { conversationMessages } from './conversation-messages';
import { loadMemberImages, MEDIA_STORE } from './member-images';
import { TypingIndicator } from './typing-indicator';
import type { MediaStore } from '@app/media';

/** What the member gets when the model cannot answer: the conversation is kept, a person follows up. */
export const FALLBACK_REPLY =
  "Sorry, I can't reply properly right now. Someone from our team will get back to you soon.";

export type AgentOutcome = { kind: 'answer'; text: string | null } | { kind: 'fallback'; reason: string };

/**
 * Runs an agent step: asks the model, runs the tools it calls, and asks again with their results
 * until it answers in text, within AGENT_MAX_STEPS calls and AGENT_TIMEOUT_MS.
 */
@Injectable()
export class AgentRunner {
  private readonly logger = new Logger('AgentRunner');

  constructor(
    private readonly model: ChatModel,
    private readonly abilities: AbilityRegistry,
    @Inject(AGENT_OPTIONS) private readonly options: AgentOptions,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    private readonly typing: TypingIndicator,
  ) {}

  async run(step: AgentStep, turn: Turn, state: TurnState): Promise<AgentOutcome> {
    const outcome = await this.converse(step, turn, state).catch((error: unknown) => {
      const reason =
        error instanceof ModelError
          ? error.message
          : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'fallback', reason } as const;
    });
    if (outcome.kind === 'fallback') {
      this.logger.error(
        `Agent step in chat ${turn.chatId} fell back (trace ${currentTraceId() ?? 'none'}): ${outcome.reason}`,
      );
    }
    return outcome;
  }

  private async converse(step: AgentStep, turn: Turn, state: TurnState): Promise<AgentOutcome> {
    if (!this.model.configured)
      return { kind: 'fallback', reason: 'no model is configured (LLM_BASE_URL is not set)' };
    const abilities = this.abilities.forStep(step.agent.abilities, turn);
    const tools = abilities.map(toTool);
    const images =
      step.agent.images === false
        ? new Map<string, string>()
        : await loadMemberImages(this.media, [
            ...turn.history.filter((m) => m.direction === 'inbound'),
            ...turn.inputs,
          ]);
    const messages: ModelMessage[] = conversationMessages(
      turn,
      step.agent.instructions,
      state.said,
      step.agent.history,
      images,
    );
    const model = step.agent.model ?? this.options.model;
    // A definition saved before the operator narrowed the list still names it: never call it.
    if (!isModelAllowed(model, this.options.allowedModels))
      return { kind: 'fallback', reason: `the model "${model}" is not allowed (LLM_ALLOWED_MODELS)` };
    const deadline = Date.now() + this.options.totalTimeoutMs;
    const showTyping = this.typing.forTurn(turn);

    for (let call = 1; call <= this.options.maxSteps; call++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        return { kind: 'fallback', reason: `the agent step ran out of time after ${call - 1} model calls` };
      showTyping();
      const answer = await this.callModel(
        model,
        messages,
        tools,
        Math.min(this.options.timeoutMs, remaining),
        call,
      );
      if (!answer.toolCalls.length) return { kind: 'answer', text: answer.content?.trim() || null };

      messages.push({
        role: 'assistant',
        content: answer.content ?? null,
        tool_calls: answer.toolCalls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.arguments },
        })),
      });
      for (const toolCall of answer.toolCalls) {
        const result = await this.invoke(abilities, toolCall.name, toolCall.arguments, turn, state);
        messages.push({ role: 'tool', tool_call_id: toolCall.id, content: JSON.stringify(result) });
      }
    }
    return {
      kind: 'fallback',
      reason: `the model was still calling tools after ${this.options.maxSteps} calls`,
    };
  }

  private callModel(
    model: string,
    messages: ModelMessage[],
    tools: ModelTool[],
    timeoutMs: number,
    call: number,
  ) {
    // Attributes describe the call, never its content (no bodies, no phone numbers).
    const attributes = {
      'gen_ai.request.model': model,
      'gen_ai.operation.name': 'chat',
      'workflow.agent.call': call,
      'workflow.agent.tools': tools.length,
    };
    return withSpan('agent model call', SpanKind.CLIENT, attributes, async () => {
      const started = performance.now();
      try {
        const answer = await this.model.complete({ model, messages, tools, timeoutMs });
        modelSeconds.observe({ outcome: 'ok' }, (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        modelSeconds.observe({ outcome: 'error' }, (performance.now() - started) / 1000);
        throw error;
      }
    });
  }

  private async invoke(
    abilities: Ability[],
    name: string,
    rawArgs: string,
    turn: Turn,
    state: TurnState,
  ): Promise<Record<string, unknown>> {
    const ability = abilities.find((a) => a.name === name);
    // A tool the step does not offer (or the workspace may not use) is refused, not run.
    if (!ability) return { status: 'failed', reason: `There is no tool called ${name}.` };
    let args: unknown;
    try {
      args = rawArgs.trim() ? JSON.parse(rawArgs) : {};
    } catch {
      return { status: 'failed', reason: 'The arguments were not valid JSON.' };
    }
    return withSpan(`agent ability ${name}`, SpanKind.INTERNAL, { 'workflow.ability': name }, () =>
      ability.invoke(args, turn, state),
    );
  }
}

function toTool(ability: Ability): ModelTool {
  return {
    type: 'function',
    function: { name: ability.name, description: ability.description, parameters: ability.parameters },
  };
}
