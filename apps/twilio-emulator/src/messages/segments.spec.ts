import { countSmsSegments } from './segments';

describe('countSmsSegments', () => {
  it('fits 160 GSM characters in one segment, then 153 per segment', () => {
    expect(countSmsSegments('')).toBe(1);
    expect(countSmsSegments('a'.repeat(160))).toBe(1);
    expect(countSmsSegments('a'.repeat(161))).toBe(2);
    expect(countSmsSegments('a'.repeat(306))).toBe(2);
    expect(countSmsSegments('a'.repeat(307))).toBe(3);
  });

  it('counts GSM extension characters twice', () => {
    expect(countSmsSegments('€'.repeat(80))).toBe(1);
    expect(countSmsSegments('€'.repeat(81))).toBe(2);
  });

  it('falls back to UCS-2 (70, then 67) for other characters', () => {
    expect(countSmsSegments('é'.repeat(160))).toBe(1); // é is in GSM-7
    expect(countSmsSegments('ł'.repeat(70))).toBe(1);
    expect(countSmsSegments('ł'.repeat(71))).toBe(2);
    expect(countSmsSegments('😀'.repeat(35))).toBe(1);
    expect(countSmsSegments('😀'.repeat(36))).toBe(2);
  });
});
