import { splitMessage } from './reply-sender';

describe('splitMessage', () => {
  it('keeps short text whole and splits long text at word breaks within the limit', () => {
    expect(splitMessage('short', 10)).toEqual(['short']);
    const parts = splitMessage('aaaa bbbb cccc dddd', 10);
    expect(parts).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitMessage('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});
