// The conversations both the fault and the scale scenarios stream: a workspace whose numbers answer
// every message with a reply quoting it (so each reply maps back to the messages it answered), on
// SMS and WhatsApp, one phone per conversation; and the wait until every accepted one is answered.
import { randomPhone, type Api, type Emulator, type EmulatedMessage } from './clients';
import type { ConsumerLag, JetStreamProbe } from './observe';
import { Traffic, type Conversation, type SentMessage } from './traffic';
import { Random, sleep } from './util';
import { judgeConversations, stuckConsumers } from './verdict';

export async function echoConversations(
  api: Api,
  name: string,
  count: number,
): Promise<{ ws: { id: string; key: string }; conversations: Conversation[] }> {
  const ws = await api.workspace(name);
  const workflow = await api.workflow(ws.key, 'Echo', [{ reply: 'ack {{message.body}}' }]);
  const numbers: string[] = [];
  for (let i = 0; i < 4; i++) {
    const n = await api.phoneNumber(ws.id, { brandName: 'Faults', defaultWorkflowId: workflow.id });
    numbers.push(n.number);
  }
  const phones = new Set<string>();
  while (phones.size < count) phones.add(randomPhone());
  const conversations: Conversation[] = [...phones].map((phone, index) => ({
    index,
    phone,
    number: numbers[index % numbers.length],
    channel: index % 2 === 0 ? 'sms' : 'whatsapp',
  }));
  return { ws, conversations };
}

/**
 * The echo conversations of a new workspace and the traffic to stream over them, tagged
 * `<tagPrefix><seed>`: replayed the same from the same seed.
 */
export async function echoTraffic(
  world: { api: Api; emulator: Emulator },
  name: string,
  size: { conversations: number; total: number; rate: number },
  seed: number,
  tagPrefix: string,
) {
  const { ws, conversations } = await echoConversations(world.api, name, size.conversations);
  const tag = `${tagPrefix}${seed.toString(36)}`;
  const random = new Random(seed + 1);
  const traffic = new Traffic({
    ...size,
    emulator: world.emulator,
    conversations,
    tag,
    random,
    giveUpMs: 180_000,
  });
  return { ws, conversations, tag, traffic };
}

/**
 * Waits (up to `drainMs`) until every accepted message has its reply and no consumer has lag, then
 * 5 s more for late duplicates to show. Resolves with how long it took.
 */
export async function drainReplies(
  tag: string,
  messages: SentMessage[],
  emulator: Emulator,
  probe: JetStreamProbe,
  drainMs: number,
  /** The api processes alive now, so the live-feed readers of those gone are not waited for. */
  liveApiPids?: () => Set<number>,
): Promise<number> {
  const drainStart = Date.now();
  const accepted = new Map(messages.filter((m) => m.accepted).map((m) => [m.sid, 1]));
  let emulated: EmulatedMessage[] = await emulator.messages();
  while (Date.now() - drainStart < drainMs) {
    const verdict = judgeConversations(tag, messages, emulated, accepted);
    const all = await probe
      .lag()
      .catch((): ConsumerLag[] => [
        { stream: '?', consumer: '?', pending: 1, ackPending: 0, redelivered: 0 },
      ]);
    const lag = stuckConsumers(all, liveApiPids?.());
    if (verdict.lostReplies.length === 0 && lag.length === 0) break;
    await sleep(2000);
    emulated = await emulator.messages();
  }
  await sleep(5000);
  return Date.now() - drainStart;
}
