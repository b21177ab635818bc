import {
  compareSourcePositions,
  decideOptOutOrder,
  newestPosition,
  type SourcePosition,
} from './opt-out-order';

const at = (ms: number, seq = 0): SourcePosition => ({
  at: new Date(Date.UTC(2026, 10, 30, 9, 0, 0, ms)),
  seq,
});

describe('compareSourcePositions', () => {
  it.each([
    ['earlier time', at(1, 9), at(2, 1), -1],
    ['later time, lower sequence', at(3, 1), at(2, 9), 1],
    ['same millisecond, lower sequence', at(5, 1), at(5, 2), -1],
    ['same millisecond, higher sequence', at(5, 3), at(5, 2), 1],
    ['the same message', at(5, 2), at(5, 2), 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareSourcePositions(a, b))).toBe(sign);
  });
});

describe('newestPosition', () => {
  it.each([
    [[null, undefined], null],
    [[at(1), null], at(1)],
    [[null, at(1)], at(1)],
    [[at(1, 5), at(2, 1)], at(2, 1)],
    [[at(2, 1), at(1, 5)], at(2, 1)],
    [[at(2, 1), at(2, 4), at(2, 3)], at(2, 4)],
  ])('%j -> %j', (positions, expected) => {
    expect(newestPosition(...positions)).toEqual(expected);
  });
});

describe('decideOptOutOrder', () => {
  it.each([
    // [case, current state, current position, incoming state, incoming position, decision]
    ['first STOP of a member with no position', false, null, true, at(1), 'apply'],
    ['first START of a member with no position, already in', false, null, false, at(1), 'advance'],
    ['newer STOP of an opted-in member', false, at(1), true, at(2), 'apply'],
    ['newer START of an opted-out member', true, at(1), false, at(2), 'apply'],
    ['newer STOP of an opted-out member', true, at(1), true, at(2), 'advance'],
    ['newer START of an opted-in member', false, at(1), false, at(2), 'advance'],
    ['STOP older than the START applied (START handled first)', false, at(2), true, at(1), 'ignore'],
    ['START older than the STOP applied', true, at(2), false, at(1), 'ignore'],
    ['older STOP of an opted-out member', true, at(2), true, at(1), 'ignore'],
    ['redelivered STOP', true, at(2, 7), true, at(2, 7), 'duplicate'],
    ['redelivered START', false, at(2, 7), false, at(2, 7), 'duplicate'],
    ['same millisecond, later in the stream', true, at(2, 7), false, at(2, 8), 'apply'],
    ['same millisecond, earlier in the stream', false, at(2, 8), true, at(2, 7), 'ignore'],
  ] as const)('%s', (_case, optedOut, position, incomingOptedOut, incomingPosition, expected) => {
    expect(
      decideOptOutOrder({ optedOut, position }, { optedOut: incomingOptedOut, position: incomingPosition }),
    ).toBe(expected);
  });
});
