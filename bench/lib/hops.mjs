// Where the time goes end to end: the JetStream timestamp of each hop's event for every bench
// message (matched by its body `s<step> <i>` / the reply `ok s<step> <i>`), read back from the streams.
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { quantile, round } from './common.mjs';
import { streamPrefix, withJsm } from './infra.mjs';

const HOPS = [
  { stream: 'INBOUND', subject: 'inbound.message.received', hop: 'ingress' },
  { stream: 'CONVERSATION', subject: 'conversation.message.accepted', hop: 'routing' },
  { stream: 'CHAT', subject: 'chat.turn.ready', hop: 'chats' },
  { stream: 'OUTBOUND', subject: 'outbound.send.requested', hop: 'workflow' },
];

/** Per message index: { ingress, routing, chats, workflow } epoch ms when that hop's event was stored. */
async function stamps(ns, bodyPrefix, since) {
  const at = new Map();
  const re = new RegExp(`^(?:ok )?${bodyPrefix.replace(/ /g, ' ')}(\\d+)$`);
  await withJsm(async (jsm, nc) => {
    const js = jetstream(nc);
    // Partitioned events are stored on `<subject>.<partition>` (and lanes on `<subject>.<lane>.<n>`),
    // older ones on the subject itself: read both (NATS 2.9 takes one filter per consumer).
    const reads = HOPS.flatMap((h) => [h, { ...h, subject: `${h.subject}.>` }]);
    for (const h of reads) {
      const name = `${streamPrefix(ns)}${h.stream}`;
      const subject = `${ns}.${h.subject}`;
      let pending;
      try {
        const { subjects } = (await jsm.streams.info(name, { subjects_filter: subject })).state;
        pending = Object.values(subjects ?? {}).reduce((a, n) => a + n, 0);
      } catch {
        continue;
      }
      if (!pending) continue;
      const consumer = await js.consumers.get(name, {
        filter_subjects: subject,
        deliver_policy: DeliverPolicy.StartTime,
        opt_start_time: new Date(since).toISOString(),
      });
      const iter = await consumer.consume({ max_messages: 1000 });
      const timer = setTimeout(() => iter.stop(), 30_000);
      for await (const m of iter) {
        try {
          const body = JSON.parse(m.string()).body;
          const match = typeof body === 'string' && re.exec(body);
          if (match) {
            const i = Number(match[1]);
            if (!at.has(i)) at.set(i, {});
            const rec = at.get(i);
            rec[h.hop] ??= m.info.timestampNanos / 1e6;
          }
        } catch {
          // not a bench message
        }
        if (m.info.pending === 0) break;
      }
      clearTimeout(timer);
      await iter.close?.();
    }
  });
  return at;
}

/**
 * Median and p99 of the time each hop added: ingress (send -> stored), routing, chats, workflow
 * (event -> its next event), outbound (send requested -> reply at the emulator).
 */
export async function hopBreakdown({ ns, bodyPrefix, since, sent, repliesByIndex }) {
  const at = await stamps(ns, bodyPrefix, since);
  const parts = { ingress: [], routing: [], chats: [], workflow: [], outbound: [] };
  for (const s of sent) {
    const t = at.get(s.i);
    const reply = repliesByIndex.get(s.i)?.[0];
    if (!t) continue;
    const chain = [
      ['ingress', s.at, t.ingress],
      ['routing', t.ingress, t.routing],
      ['chats', t.routing, t.chats],
      ['workflow', t.chats, t.workflow],
      ['outbound', t.workflow, reply?.createdAt],
    ];
    for (const [hop, a, b] of chain) if (a !== undefined && b !== undefined) parts[hop].push(b - a);
  }
  return Object.fromEntries(
    Object.entries(parts).map(([hop, v]) => {
      v.sort((a, b) => a - b);
      return [hop, { n: v.length, p50Ms: round(quantile(v, 0.5), 1), p99Ms: round(quantile(v, 0.99), 1) }];
    }),
  );
}
