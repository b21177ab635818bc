import { Injectable, Logger } from '@nestjs/common';
import { outboundMediaUrlProblem } from '@app/rules';
import { renderTemplate } from '@app/templates';
import { AgentRunner, FALLBACK_REPLY } from '../agent/agent-runner';
import { isAgentStep, isIfStep, replyInteractive, type Step } from '../definitions/steps';
import { compileCondition } from '../definitions/condition';
import { buildWorkflowContext, type WorkflowContext } from '../definitions/context';
import { MemberReachability } from './member-reachability';
import { type ReplyExtras, ReplySender } from './reply-sender';
import { inputText, TurnState, type Turn } from '../turn/turn';

export type TurnOutcome = 'answered' | 'fallback' | 'stopped';

/**
 * Runs a workflow version's steps for one turn: renders replies, branches on conditions, hands
 * over to agents. Before a send it checks the member may still be messaged, unless nothing can
 * have changed since routing checked (see mayHaveChanged).
 */
@Injectable()
export class RunTurn {
  private readonly logger = new Logger('RunTurn');

  constructor(
    private readonly agent: AgentRunner,
    private readonly replies: ReplySender,
    private readonly reachability: MemberReachability,
  ) {}

  async execute(turn: Turn, steps: Step[]): Promise<{ outcome: TurnOutcome; state: TurnState }> {
    const state = new TurnState();
    const context = buildWorkflowContext({
      workspace: turn.workspace,
      phoneNumber: turn.phoneNumber,
      member: turn.member,
      channel: turn.channel,
      chatId: turn.chatId,
      body: turn.inputs.map(inputText).filter(Boolean).join('\n'),
      choice: turn.inputs.findLast((i) => i.choice)?.choice,
    });
    await this.runSteps(steps, 'steps', turn, state, context);
    return { outcome: state.stopped ? 'stopped' : state.fellBack ? 'fallback' : 'answered', state };
  }

  private async runSteps(
    steps: Step[],
    path: string,
    turn: Turn,
    state: TurnState,
    context: WorkflowContext,
  ): Promise<void> {
    for (const [i, step] of steps.entries()) {
      if (state.stopped || state.handedOff) return;
      const at = `${path}[${i}]`;
      if (isIfStep(step)) {
        const branch = this.decide(step.if, at, turn, context) ? step.then : (step.else ?? []);
        await this.runSteps(branch, `${at}.${branch === step.then ? 'then' : 'else'}`, turn, state, context);
      } else if (isAgentStep(step)) {
        state.thought = true;
        const outcome = await this.agent.run(step, turn, state);
        if (outcome.kind === 'fallback') state.fellBack = true;
        const text = outcome.kind === 'fallback' ? FALLBACK_REPLY : outcome.text;
        if (text) await this.send(turn, state, text);
      } else {
        let text: string;
        let media: string[];
        try {
          text = renderTemplate(step.reply, context as unknown as Record<string, unknown>);
          media = (step.media ?? []).map((m) =>
            renderTemplate(m, context as unknown as Record<string, unknown>).trim(),
          );
        } catch (error) {
          this.logger.warn(
            `${at} in workflow ${turn.workflowId} v${turn.version} did not render: ${(error as Error).message}`,
          );
          continue;
        }
        // A URL that renders wrong (empty, not https) would be refused by outbound: the reply is
        // skipped with the reason in the log rather than sent without what it was meant to show.
        const badUrl = media.map(outboundMediaUrlProblem).find(Boolean);
        if (badUrl) {
          this.logger.warn(`${at}.media in workflow ${turn.workflowId} v${turn.version}: ${badUrl}`);
          continue;
        }
        if (text.trim())
          await this.send(turn, state, text, { mediaUrls: media, interactive: replyInteractive(step) });
      }
    }
  }

  /** A condition that fails at run time counts as false (the else branch), with a warning. */
  private decide(condition: string, at: string, turn: Turn, context: WorkflowContext): boolean {
    try {
      return compileCondition(condition).evaluate(context);
    } catch (error) {
      this.logger.warn(
        `${at}.if in workflow ${turn.workflowId} v${turn.version}: ${(error as Error).message}; taking the else branch`,
      );
      return false;
    }
  }

  private async send(turn: Turn, state: TurnState, text: string, extras: ReplyExtras = {}): Promise<void> {
    const check = mayHaveChanged(turn, state)
      ? await this.reachability.check(turn)
      : ({ allowed: true } as const);
    if (!check.allowed) {
      state.stopped = true;
      this.logger.log(`Turn ${turn.leadKey} in chat ${turn.chatId} stopped before sending: ${check.reason}`);
      return;
    }
    await this.replies.send(turn, state, text, extras);
  }
}

/**
 * Whether to ask preferences before a send. A reply that no model call kept waiting goes out
 * within milliseconds of routing's check of the member (a turn of an opted-out member is
 * skipped), and outbound checks again before it sends: asking here too would only double the
 * request. A system turn (a started conversation) had no such check.
 */
function mayHaveChanged(turn: Turn, state: TurnState): boolean {
  return turn.sendKind !== 'reply' || state.thought;
}
