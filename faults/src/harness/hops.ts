// Where did order break? For the messages of each conversation, their order at every hop of the
// pipeline compared with the order ingress accepted them in:
//   ingress -> INBOUND stream -> routing -> CONVERSATION stream -> chats (stored, CHAT stream)
//   -> workflow (turns, OUTBOUND send.requested) -> outbound (sends) -> Twilio (the emulator).
// The first hop that shows inversions is the one that reordered.
import {
  ChatTurnReady,
  InboundMessageReceived,
  MessageAccepted,
  SendRequested,
  type EventContract,
  type EventPayload,
} from '@app/contracts';
import type { EmulatedMessage } from './clients';
import type { Database, JetStreamProbe } from './observe';
import { tokensIn, type SentMessage } from './traffic';

export interface HopOrder {
  hop: string;
  /** Messages seen at this hop. */
  seen: number;
  /** Messages placed after a message of the same conversation accepted later. */
  inversions: number;
  examples: string[];
}

function inversions(
  hop: string,
  sent: SentMessage[],
  position: Map<string, number>,
  handledAt?: Map<string, number>,
): HopOrder {
  const byConversation = new Map<number, SentMessage[]>();
  for (const m of sent)
    if (m.accepted && position.has(m.sid))
      byConversation.set(m.conversation, [...(byConversation.get(m.conversation) ?? []), m]);
  let count = 0;
  const examples: string[] = [];
  let seen = 0;
  for (const [conversation, list] of byConversation) {
    seen += list.length;
    list.sort((a, b) => position.get(a.sid)! - position.get(b.sid)!);
    let highest = -1;
    for (const m of list) {
      if (m.seq < highest) {
        count++;
        const late =
          handledAt?.get(m.sid) && m.acceptedAt
            ? ` (${((handledAt.get(m.sid)! - m.acceptedAt) / 1000).toFixed(1)} s after 2xx)`
            : '';
        if (examples.length < 5) examples.push(`c${conversation}: m${m.seq} after m${highest}${late}`);
      }
      highest = Math.max(highest, m.seq);
    }
  }
  return { hop, seen, inversions: count, examples };
}

function firstPositions(sids: Array<string | undefined | null>): Map<string, number> {
  const out = new Map<string, number>();
  sids.forEach((sid, i) => {
    if (sid && !out.has(sid)) out.set(sid, i);
  });
  return out;
}

export async function orderByHop(
  tag: string,
  sent: SentMessage[],
  emulated: EmulatedMessage[],
  probe: JetStreamProbe,
  db: Database,
  workspaceId: string,
): Promise<HopOrder[]> {
  const sidOf = new Map(sent.map((m) => [`c${m.conversation}-m${m.seq}`, m.sid]));
  const hops: HopOrder[] = [];
  const accepted = new Map(sent.filter((m) => m.accepted).map((m) => [m.sid, m.acceptedAt ?? 0]));
  hops.push(inversions('ingress accepted (2xx)', sent, accepted));
  // A stream's order: the messages' sids as its payloads carry them, in stream order.
  const streamHop = async <C extends EventContract>(
    publishedBy: string,
    contract: C,
    sid: (p: EventPayload<C>) => string | null | undefined,
  ) => {
    const payloads = await probe.payloads<EventPayload<C>>(contract.stream, contract.subject);
    hops.push(
      inversions(`${contract.stream} stream (${publishedBy})`, sent, firstPositions(payloads.map(sid))),
    );
  };
  await streamHop('ingress published', InboundMessageReceived, (p) => p.messageSid);
  await streamHop('routing published', MessageAccepted, (p) => p.twilioSid);
  const stored = await db.query<{ twilio_sid: string; seq: string }>(
    `SELECT twilio_sid, seq FROM chats.chat_messages WHERE workspace_id = $1 AND direction = 'inbound' ORDER BY seq`,
    [workspaceId],
  );
  hops.push(
    inversions('chats stored (chat_messages.seq)', sent, firstPositions(stored.map((r) => r.twilio_sid))),
  );
  await streamHop('chats published turn.ready', ChatTurnReady, (p) => p.twilioSid);
  const turns = await db.query<{ turn_key: string; at: Date }>(
    `SELECT turn_key, created_at AS at FROM workflow.turns WHERE workspace_id = $1 ORDER BY created_at, turn_key`,
    [workspaceId],
  );
  hops.push(
    inversions(
      'workflow turns (turns.created_at)',
      sent,
      firstPositions(turns.map((r) => r.turn_key)),
      new Map(turns.map((r) => [r.turn_key, new Date(r.at).getTime()])),
    ),
  );
  await streamHop('workflow published send.requested', SendRequested, (p) =>
    p.origin?.ref?.replace(/^turn:/, ''),
  );
  const sends = await db.query<{ origin_ref: string | null; at: Date }>(
    `SELECT origin_ref, created_at AS at FROM outbound.sends WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  );
  const sendSid = (r: { origin_ref: string | null }) => r.origin_ref?.replace(/^turn:/, '');
  hops.push(
    inversions(
      'outbound sends stored (sends.created_at)',
      sent,
      firstPositions(sends.map(sendSid)),
      new Map(sends.map((r) => [sendSid(r) ?? '', new Date(r.at).getTime()])),
    ),
  );
  const twilio: string[] = [];
  for (const m of emulated)
    for (const t of tokensIn(tag, m.body)) twilio.push(sidOf.get(`c${t.conversation}-m${t.seq}`) ?? '');
  hops.push(inversions('Twilio (emulator message order)', sent, firstPositions(twilio)));
  return hops;
}
