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

it('hands over rate × lead at the start, then one per 1/rate', () => {
  const { pacer, taken, advance } = pacerAt(1);
  expect(taken()).toBe(10);
  expect(pacer.waitMs()).toBe(1000);
  advance(999);
  expect(taken()).toBe(0);
  advance(1);
  expect(taken()).toBe(1);
  advance(60_000);
  // Never more than the lead ahead, however long nobody asked.
  expect(taken()).toBe(10);
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

it('grants one turn at a time to a number slower than 1/lead', () => {
  const { pacer, taken, advance } = pacerAt(0.05);
  expect(taken()).toBe(1);
  expect(pacer.waitMs()).toBe(20_000);
  advance(20_000);
  expect(taken()).toBe(1);
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
