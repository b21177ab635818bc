import { SendPacer } from './send-pacer';

/** A pacer on a clock the test moves; `taken` counts the turns granted right now. */
function pacerAt(ratePerSecond: number, leadSeconds = 10) {
  let now = 1_000_000;
  const pacer = new SendPacer(ratePerSecond, leadSeconds, () => now);
  const taken = () => {
    let n = 0;
    while (pacer.tryTake()) n++;
    return n;
  };
  return { pacer, taken, advance: (ms: number) => (now += ms) };
}

// A number slower than 1/lead still gets one turn at a time.
it.each([
  [1, 10, 1000],
  [0.05, 1, 20_000],
])('at %s/s hands over %s at the start, then one every %s ms', (rate, lead, everyMs) => {
  const { pacer, taken, advance } = pacerAt(rate);
  expect(taken()).toBe(lead);
  expect(pacer.waitMs()).toBe(everyMs);
  advance(everyMs - 1);
  expect(taken()).toBe(0);
  advance(1);
  expect(taken()).toBe(1);
  // Never more than the lead ahead, however long nobody asked.
  advance(3_600_000);
  expect(taken()).toBe(lead);
});

it('keeps the pace of a fast number over time', () => {
  const { taken, advance } = pacerAt(400);
  let total = taken();
  for (let s = 0; s < 30; s++) {
    advance(1000);
    total += taken();
  }
  expect(total).toBe(400 * 10 + 400 * 30);
});

it('paces at a new rate from the moment it changes, the lead bounded by the new rate', () => {
  const { pacer, taken, advance } = pacerAt(100);
  expect(taken()).toBe(1000);
  advance(1000);
  pacer.setRate(2);
  expect(taken()).toBe(20);
  advance(1000);
  expect(taken()).toBe(2);
});
