import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { TEST_DATABASE_URL, uniqueNamespace } from '@app/testing';
import { findOneRow, rowAs } from './rows';

@Entity('things')
class ThingEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ name: 'unread_count', type: 'integer', default: 0 }) unreadCount!: number;
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt!: Date | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) media!: Array<{ url: string }>;
  @Column({ type: 'boolean', default: false }) read!: boolean;
  @Column({ type: 'numeric', nullable: true }) price!: string | null;
}

describe('findOneRow (real Postgres)', () => {
  const schema = `${uniqueNamespace()}_rows`;
  let db: DataSource;
  const ws = randomUUID();
  const id = randomUUID();

  beforeAll(async () => {
    db = new DataSource({
      type: 'postgres',
      url: TEST_DATABASE_URL,
      schema,
      entities: [ThingEntity],
      extra: { options: `-c search_path=${schema}` },
    });
    await db.initialize();
    await db.query(`CREATE SCHEMA "${schema}"`);
    await db.query(`CREATE TABLE things (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, body text,
      unread_count integer NOT NULL DEFAULT 0, seq bigint NOT NULL, closes_at timestamptz,
      media jsonb NOT NULL DEFAULT '[]', read boolean NOT NULL DEFAULT false, price numeric)`);
    await db.query(
      `INSERT INTO things VALUES ($1, $2, 'hello', 3, 9007199254740993, '2026-11-30T10:00:00.123Z', '[{"url":"https://x/y"}]', true, 1.50),
                                 ($3, $2, NULL, 0, 1, NULL, '[]', false, NULL)`,
      [id, ws, randomUUID()],
    );
  });

  afterAll(async () => {
    await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.destroy();
  });

  it('gives the entity findOneBy gives, every column converted the same way', async () => {
    const ours = await findOneRow(db.manager, ThingEntity, { workspaceId: ws, id });
    const typeorm = await db.manager.findOneBy(ThingEntity, { workspaceId: ws, id });
    expect(ours).toBeInstanceOf(ThingEntity);
    expect(ours).toEqual(typeorm);
    expect(ours).toMatchObject({
      seq: '9007199254740993',
      unreadCount: 3,
      read: true,
      price: '1.50',
      media: [{ url: 'https://x/y' }],
    });
    expect(ours?.closesAt).toEqual(new Date('2026-11-30T10:00:00.123Z'));
  });

  it('turns the row an UPDATE ... RETURNING * gave into the entity a read would give', async () => {
    const [rows] = await db.manager.query<[Record<string, unknown>[], number]>(
      `UPDATE things SET unread_count = unread_count + 1 WHERE id = $1 RETURNING *`,
      [id],
    );
    const returned = rowAs(db.manager, ThingEntity, rows[0]);
    expect(returned).toBeInstanceOf(ThingEntity);
    expect(returned).toEqual(await db.manager.findOneBy(ThingEntity, { id }));
    expect(returned.unreadCount).toBe(4);
    await db.query(`UPDATE things SET unread_count = 3 WHERE id = $1`, [id]);
  });

  it('keeps nulls, finds nothing as null, and locks inside a transaction', async () => {
    const other = await db.manager.findOneBy(ThingEntity, { workspaceId: ws, seq: '1' });
    expect(await findOneRow(db.manager, ThingEntity, { workspaceId: ws, seq: '1' })).toEqual(other);
    expect(other?.body).toBeNull();
    expect(await findOneRow(db.manager, ThingEntity, { workspaceId: randomUUID(), id })).toBeNull();
    await db.transaction(async (m) => {
      expect((await findOneRow(m, ThingEntity, { workspaceId: ws, id }, 'FOR UPDATE'))?.id).toBe(id);
    });
  });

  it('refuses what is not plain equality (null, operators, unknown columns) rather than guessing', async () => {
    await expect(findOneRow(db.manager, ThingEntity, { body: null })).rejects.toThrow(/plain value/);
    await expect(findOneRow(db.manager, ThingEntity, { nope: 1 } as never)).rejects.toThrow(/no column nope/);
  });
});
