import { AppError } from '@app/contracts';
import { decodeCursor, decodeWaitingCursor, encodeCursor, encodeWaitingCursor } from './cursor';

describe('page cursors', () => {
  it('round-trips an insertion sequence', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(null)).toBeNull();
  });

  it.each([
    '',
    'abc',
    Buffer.from('s:-1').toString('base64url'),
    Buffer.from('s:1 OR 1=1').toString('base64url'),
  ])('refuses %p as invalid input', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
    expect(() => decodeCursor(cursor)).toThrow(/cursor/);
  });

  it('round-trips a place in the queue, and refuses a chats-list cursor there', () => {
    const at = { since: new Date('2026-11-30T09:00:00.123Z'), seq: '42' };
    expect(decodeWaitingCursor(encodeWaitingCursor(at))).toEqual(at);
    expect(() => decodeWaitingCursor(encodeCursor('42'))).toThrow(/queue/);
  });
});
