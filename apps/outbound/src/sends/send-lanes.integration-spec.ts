import { register } from 'prom-client';
import { SendRequested, type PhoneNumber, type SendRequest } from '@app/contracts';
import { waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';

jest.setTimeout(90_000);

/** More sends than a consumer takes at once (256), so a broadcast that held its places while waiting would shut others out. */
const BROADCAST = 300;

/** Rate slots booked so far (every send books one, whether it then waits in place or outside). */
async function slotsBooked(): Promise<number> {
  const found = await register.getSingleMetric('outbound_rate_slot_wait_seconds')?.get();
  return (
    found?.values
      .filter((v) => (v as { metricName?: string }).metricName === 'outbound_rate_slot_wait_seconds_count')
      .reduce((sum, v) => sum + Number(v.value), 0) ?? 0
  );
}

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const found = await register.getSingleMetric(name)?.get();
  const match = found?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return Number(match?.value ?? 0);
}

describe('sends wait for their rate slot outside the consumer, in lanes (real Postgres, NATS and the emulator)', () => {
  let h: OutboundHarness;
  let broadcaster: PhoneNumber;
  let broadcastPhones: string[];

  beforeAll(async () => {
    // The emulator's clock is the judge and shares the cores with a busy CI: a send may leave up to
    // headroom/2 late and reach the emulator later still (998 ms seen at 0.2), so wide headroom.
    h = await OutboundHarness.start({ SEND_RATE_HEADROOM: '0.4' });
    // Workspace A broadcasts from a number allowed one SMS a second: 300 sends take five minutes.
    const a = h.workspace();
    broadcaster = h.number(a.id, { sendRatePerSecond: 1 });
    const requests = Array.from({ length: BROADCAST }, (_, i) =>
      h.request(broadcaster, {
        memberId: h.member(a.id).id,
        channel: 'sms',
        body: `Broadcast ${i}`,
        origin: { service: 'workflow', ref: 'routine-run:test' },
      }),
    );
    broadcastPhones = requests.map((r) => h.directory.members.get(r.memberId!)!.phone!);
    for (const r of requests) await h.nats.publish(SendRequested, r, r.idempotencyKey);
    // They have booked their slots (before this change, 256 then sat in the consumer's places).
    await waitFor(async () => (await slotsBooked()) >= 256, {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'the broadcast waiting for its slots',
    });
  });
  afterAll(() => h?.stop());

  /** Another workspace's number, allowed one SMS a second too, and a member of it. */
  function otherWorkspace(kind: SendRequest['kind']): SendRequest {
    const b = h.workspace();
    const n = h.number(b.id, { sendRatePerSecond: 1 });
    return h.request(n, { memberId: h.member(b.id).id, channel: 'sms', kind, body: `B's ${kind}` });
  }

  async function reachesTwilio(request: SendRequest): Promise<number> {
    const member = h.directory.members.get(request.memberId!)!;
    const started = Date.now();
    await h.nats.publish(SendRequested, request, request.idempotencyKey);
    // Before the lanes and the deferral, a send behind the broadcast waited ~50 s for a place.
    await waitFor(async () => ((await h.sentTo(member.phone!)).length === 1 ? true : undefined), {
      timeoutMs: 5_000,
      intervalMs: 50,
      message: `${request.kind} send of another workspace at Twilio`,
    });
    return Date.now() - started;
  }

  it('holds none of the consumer places while the broadcast waits for its slots', async () => {
    const inHand = () =>
      metric('messaging_in_flight', { consumer: 'outbound__outbound_send_requested_bulk' });
    // Once every send of the broadcast has booked its slot and gone back to JetStream...
    await waitFor(async () => ((await inHand()) <= 5 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
      message: 'the bulk consumer to let go of the waiting broadcast',
    });
    // ...only sends whose slot is about a second away are in hand (before: 256, every place).
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push(await inHand());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(Math.max(...samples)).toBeLessThanOrEqual(5);
  });

  it("sends another workspace's reply at once while the broadcast waits", async () => {
    const ms = await reachesTwilio(otherWorkspace('reply'));
    process.stdout.write(`lanes: another workspace's reply at Twilio after ${ms} ms\n`);
  });

  it("sends another workspace's broadcast message without waiting behind the first broadcast", async () => {
    const ms = await reachesTwilio(otherWorkspace('system'));
    process.stdout.write(`lanes: another workspace's bulk send at Twilio after ${ms} ms\n`);
  });

  it('keeps the broadcasting number under its rate, each waiting send going once', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const sent = await h.sentFrom(broadcaster.number);
    const at = sent.map((m) => m.createdAt).sort((x, y) => x - y);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    process.stdout.write(`lanes: broadcast gaps at Twilio ${gaps.join(', ')} ms\n`);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    // The sends that came back from JetStream for their slots never two in one second. (The
    // first went in place while 300 were being booked: its lateness is the in-place path's.)
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(1_000);
    // Each went once, to a member of the broadcast.
    const recipients = new Set(sent.map((m) => m.to));
    expect(recipients.size).toBe(sent.length);
    for (const to of recipients) expect(broadcastPhones).toContain(to);
  });
});
