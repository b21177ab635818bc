import { randomUUID } from 'node:crypto';
import { SendRequested } from '@app/contracts';
import { sleep } from '@app/messaging';
import { waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';
import { SEND_RATE_LIMITER, sendSpacing, type SendRateLimiter } from './send-rate-limiter';

jest.setTimeout(60_000);

/** The most items of `ascending` times within any window shorter than `windowMs` (the emulator's measure). */
function maxInAnyWindow(ascending: number[], windowMs: number): number {
  let best = 0;
  for (let first = 0, last = 0; last < ascending.length; last++) {
    while (ascending[last] - ascending[first] >= windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

describe('per-sender rate limit (real Postgres, NATS and the Twilio emulator)', () => {
  // The emulator's clock is the judge, and its process shares CI's two cores: a stall of its own
  // bunches arrivals the sender spaced correctly. A wider headroom (0.2, default 0.02) leaves
  // room for that while still asserting the limiter keeps the sender under its rate.
  const HEADROOM = 0.2;
  const h = OutboundHarness.forSuite({ SEND_RATE_HEADROOM: String(HEADROOM) });

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

  it('loses no throughput to sends that wake late for their turn, and never goes above the rate', async () => {
    // The delivery path's protocol on the real limiter: ask; refused, sleep to the turn and ask
    // again as booked until admitted. A third of the sends wake 1.5-3 tolerances late (a busy
    // process): before admission at departure each of them lost its slot and went to the back.
    // (The last ones wake on time, so the figure is not the tail's.)
    const limiter = h.service.app.get<SendRateLimiter>(SEND_RATE_LIMITER);
    // A slow rate, so the turns are far apart next to the stalls of a loaded CI machine's timers
    // (those are lost by any limiter: at 50/s here under load 27, 0.79 of what the spacing allows).
    const RATE = 10;
    const SENDS = 80;
    const { intervalMs, toleranceMs } = sendSpacing(RATE, HEADROOM);
    const sender = `${randomUUID()}:sms`;
    const gone: number[] = [];
    let asks = 0;
    const send = async (i: number) => {
      let answer = await limiter.admit(sender, RATE, false);
      asks++;
      while (!answer.admitted) {
        const late = i % 3 === 0 && i < SENDS - 20 ? toleranceMs * (1.5 + 1.5 * Math.random()) : 0;
        await sleep(answer.waitMs + late);
        answer = await limiter.admit(sender, RATE, true);
        asks++;
      }
      gone.push(Date.now());
    };
    await Promise.all(Array.from({ length: SENDS }, (_, i) => send(i)));
    gone.sort((a, b) => a - b);
    const ceiling = 1000 / intervalMs;
    const mean = ((gone.length - 1) * 1000) / (gone[gone.length - 1] - gone[0]);
    process.stdout.write(
      `late wakers: ${SENDS} sends, mean ${mean.toFixed(1)}/s of ${ceiling.toFixed(1)}/s the spacing allows (${(mean / ceiling).toFixed(3)}), busiest second ${maxInAnyWindow(gone, 1000)}/${RATE}, ${(asks / SENDS).toFixed(2)} asks a send\n`,
    );
    // Times here are when each answer reached the test, not the database's: the headroom's other
    // half covers that jitter.
    expect(maxInAnyWindow(gone, 1000)).toBeLessThanOrEqual(RATE);
    // On an idle machine it is within 1 % of it (a simulation of the old slots, where each late
    // send went to the back: 0.75); timers late under CI's load cost some, not that.
    expect(mean).toBeGreaterThanOrEqual(0.9 * ceiling);
  });
});
