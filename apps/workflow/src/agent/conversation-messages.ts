import type { ChatMessage } from '@app/contracts';
import { inputText, type Turn } from '../turn/turn';
import type { ModelMessage } from './chat-model';

/**
 * The model's view of the conversation: the step's instructions with a few facts, the chat's
 * history (inbound as user, outbound as assistant), what this turn already said, then the
 * messages being answered. Member text is only ever content, never instructions.
 */
export function conversationMessages(
  turn: Turn,
  instructions: string,
  saidThisTurn: readonly string[],
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
  for (const m of turn.history) {
    const entry = historyEntry(m);
    if (entry) messages.push(entry);
  }
  for (const input of turn.inputs) {
    const text = inputText(input);
    if (text) messages.push({ role: 'user', content: text });
  }
  for (const text of saidThisTurn) messages.push({ role: 'assistant', content: text });
  return messages;
}

function historyEntry(m: ChatMessage): ModelMessage | null {
  if (m.direction === 'inbound') {
    const text = inputText({ body: m.body, media: m.media });
    return text ? { role: 'user', content: text } : null;
  }
  // What never reached the member is not part of the conversation.
  if (m.status === 'skipped' || m.status === 'failed' || m.status === 'undelivered' || !m.body) return null;
  return { role: 'assistant', content: m.body };
}
