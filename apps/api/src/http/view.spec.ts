import { z } from 'zod';
import { viewOf } from './view';

describe('viewOf', () => {
  const View = z.object({ id: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });

  it('shows only the fields the view names, dates as ISO timestamps', () => {
    const entity = {
      id: 'k1',
      keyHash: 'secret-hash',
      createdAt: new Date('2026-11-30T09:00:00Z'),
      revokedAt: null,
    };
    expect(viewOf(View, entity)).toEqual({
      id: 'k1',
      createdAt: '2026-11-30T09:00:00.000Z',
      revokedAt: null,
    });
    expect(JSON.stringify(viewOf(View, entity))).not.toContain('secret-hash');
  });
});
