import { inboundChoice } from './choice';

describe('inboundChoice', () => {
  it('reads a quick-reply press, a list pick, and nothing from a typed message', () => {
    expect(inboundChoice({ Body: 'Yes', ButtonText: 'Yes', ButtonPayload: 'book:1' })).toEqual({
      kind: 'button',
      id: 'book:1',
      title: 'Yes',
    });
    expect(inboundChoice({ Body: 'Downtown', ListId: 'clinic:1', ListTitle: 'Downtown' })).toEqual({
      kind: 'list',
      id: 'clinic:1',
      title: 'Downtown',
    });
    expect(inboundChoice({ Body: 'book:1' })).toBeNull();
  });
});
