import type { ChatMessage } from '@app/contracts';
import { inputText, type Turn } from '../turn/turn';
import { HISTORY_DEFAULTS, type HistoryLimits } from '../definitions/steps';
import type { ModelMessage } from './chat-model';
import { memberMessage } from './member-images';

/**
 * A rough token count (about four characters a token, plus a little per message). Models'
 * tokenizers differ, and the budget is a bound, not a bill: an estimate that is the same for
 * every model keeps the trim predictable.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4) + 4;
}

/**
 * The model's view of the conversation: the step's instructions with a few facts, the chat's
 * history (inbound as user, outbound as assistant), what this turn already said, then the
 * messages being answered. Member text is only ever content, never instructions.
 */
export function conversationMessages(
  turn: Turn,
  instructions: string,
  saidThisTurn: readonly string[],
  limits: HistoryLimits = {},
  /** The member's photos the model may see, by media key (see loadMemberImages). */
  images: ReadonlyMap<string, string> = new Map(),
): ModelMessage[] {
  const facts = [
    `You are writing on behalf of ${turn.phoneNumber.brandName ?? turn.workspace.name}.`,
    `The conversation is over ${turn.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'}: answer in plain text, briefly, without markdown.`,
    turn.member.firstName
      ? `The member's first name is ${turn.member.firstName}.`
      : `The member's name is not known.`,
  ];
  const messages: ModelMessage[] = [
    { role: 'system', content: `${instructions.trim()}\n\n${facts.join('\n')}` },
  ];
  for (const { message, entry } of recentMessages(turn, limits)) {
    const modelMessage = entry.role === 'user' ? memberMessage(entry.content, message.media, images) : entry;
    if (modelMessage) messages.push(modelMessage);
  }
  for (const input of turn.inputs) {
    const entry = memberMessage(inputText(input), input.media, images);
    if (entry) messages.push(entry);
  }
  for (const text of saidThisTurn) messages.push({ role: 'assistant', content: text });
  return messages;
}

/**
 * The newest `messages` entries of the chat's history, in order, trimmed from the oldest until
 * they fit the `tokens` budget (what is being answered counts against it first).
 */
export function recentHistory(
  turn: Pick<Turn, 'history' | 'inputs'>,
  limits: HistoryLimits = {},
): HistoryEntry[] {
  return recentMessages(turn, limits).map(({ entry }) => entry);
}

/** The history messages recentHistory keeps, each with its entry (photos are added from the message). */
function recentMessages(
  turn: Pick<Turn, 'history' | 'inputs'>,
  limits: HistoryLimits,
): Array<{ message: ChatMessage; entry: HistoryEntry }> {
  const maxMessages = limits.messages ?? HISTORY_DEFAULTS.messages;
  const maxTokens = limits.tokens ?? HISTORY_DEFAULTS.tokens;
  const entries = turn.history.flatMap((message) => {
    const entry = historyEntry(message);
    return entry ? [{ message, entry }] : [];
  });
  let budget = maxTokens;
  for (const input of turn.inputs) budget -= estimateTokens(inputText(input));
  const kept: Array<{ message: ChatMessage; entry: HistoryEntry }> = [];
  for (let i = entries.length - 1; i >= 0 && kept.length < maxMessages; i--) {
    const cost = estimateTokens(entries[i].entry.content);
    if (cost > budget) break;
    budget -= cost;
    kept.push(entries[i]);
  }
  return kept.reverse();
}

interface HistoryEntry {
  role: 'user' | 'assistant';
  content: string;
}

function historyEntry(m: ChatMessage): HistoryEntry | null {
  if (m.direction === 'inbound') {
    const text = inputText({ body: m.body, media: m.media });
    return text ? { role: 'user', content: text } : null;
  }
  // What never reached the member is not part of the conversation.
  if (m.status === 'skipped' || m.status === 'failed' || m.status === 'undelivered') return null;
  // A template (an action's reminder) has no body here, Twilio renders it: the agent still sees it went out.
  if (!m.body)
    return m.contentSid ? { role: 'assistant', content: `[WhatsApp template ${m.contentSid} sent]` } : null;
  return { role: 'assistant', content: m.body };
}
