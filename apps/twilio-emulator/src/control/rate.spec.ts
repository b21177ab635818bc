import { maxInAnyWindow } from './rate';

describe('maxInAnyWindow', () => {
  it('is 0 without timestamps and 1 for one', () => {
    expect(maxInAnyWindow([])).toBe(0);
    expect(maxInAnyWindow([42])).toBe(1);
  });

  it('counts timestamps less than a window apart together', () => {
    expect(maxInAnyWindow([0, 100, 999])).toBe(3);
    expect(maxInAnyWindow([0, 100, 1000])).toBe(2);
  });

  it('finds the busiest sliding window, not a fixed-second bucket', () => {
    // Buckets [0,1000) and [1000,2000) hold 3 each, but [900, 1900) holds 5.
    expect(maxInAnyWindow([0, 100, 900, 950, 999, 1000, 1500, 1800, 2500])).toBe(6);
    expect(maxInAnyWindow([0, 1000, 2000, 3000])).toBe(1);
  });
});
