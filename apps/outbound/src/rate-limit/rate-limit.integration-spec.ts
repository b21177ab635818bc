import { randomUUID } from 'node:crypto';
import { SendRequested } from '@app/contracts';
import { waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';
import { SEND_RATE_LIMITER, slotIntervalMs, type SendRateLimiter } from './send-rate-limiter';

jest.setTimeout(60_000);

describe('per-sender rate limit (real Postgres, NATS and the Twilio emulator)', () => {
  // The emulator's clock is the judge, and its process shares CI's two cores: a stall of its own
  // bunches arrivals the sender spaced correctly. A wider headroom (0.2, default 0.1) leaves
  // room for that while still asserting the limiter keeps the sender under its rate.
  const h = OutboundHarness.forSuite({ SEND_RATE_HEADROOM: '0.2' });

  it('keeps a burst of 200 sends from one number under its configured rate at Twilio', async () => {
    const RATE = 50;
    const ws = h.workspace();
    const n = h.number(ws.id, { sendRatePerSecond: RATE });
    const requests = Array.from({ length: 200 }, (_, i) => {
      const m = h.member(ws.id);
      return h.request(n, { memberId: m.id, channel: 'sms', body: `Burst message ${i}` });
    });
    const started = Date.now();
    await Promise.all(requests.map((r) => h.nats.publish(SendRequested, r, r.idempotencyKey)));
    const rate = await waitFor(
      async () => {
        const r = await h.rate(n.number);
        return r.count >= 200 ? r : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, message: 'all 200 messages at the emulator' },
    );
    const seconds = (Date.now() - started) / 1000;
    // Figures for the report: how close the limiter holds to the configured rate.
    process.stdout.write(
      `rate limit: ${rate.count} messages, busiest second ${rate.maxInAnySecond}/${RATE}, ~${(rate.count / seconds).toFixed(1)}/s overall\n`,
    );
    expect(rate.count).toBe(200);
    expect(rate.maxInAnySecond).toBeLessThanOrEqual(RATE);
    // How close it comes to the rate is printed above, not asserted: it depends on the machine's
    // load; bench/ measures broadcasts against their configured rate.
  });

  it('books a burst of one sender together, still one slot apart each', async () => {
    const limiter = h.service.app.get<SendRateLimiter>(SEND_RATE_LIMITER);
    const sender = `${randomUUID()}:sms`;
    const RATE = 40;
    const interval = slotIntervalMs(RATE, 0.2);
    // Each slot on the database's clock: the test's own event loop (busy on CI) never blurs them.
    const dueAts = (n: number) =>
      Promise.all(Array.from({ length: n }, () => limiter.reserve(sender, RATE).then((w) => w.slotAt)));
    // Six bursts a few ms apart, later ones while earlier ones are booked: every slot its own, one interval apart.
    const bursts: Array<Promise<number[]>> = [];
    for (let i = 0; i < 6; i++) {
      bursts.push(dueAts(20));
      await new Promise((r) => setTimeout(r, 3));
    }
    const slots = (await Promise.all(bursts)).flat().sort((a, b) => a - b);
    // Microseconds from Postgres, so only float rounding as slack.
    for (let i = 1; i < slots.length; i++)
      expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(interval - 0.01);
    // 120 slots at 40/s (+20 %) reach about 3.6 s out from the first.
    expect(slots.at(-1)! - slots[0]).toBeGreaterThanOrEqual(119 * interval - 0.01);
  });
});
