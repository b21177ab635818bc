import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** A field name as its column is named: `startedAt` → `started_at`. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Rest>}`
  : S;

/**
 * The raw row a plain statement returns (`RETURNING *`: snake_case column names) for a record whose
 * fields are those columns in camelCase, so the row type is not a second copy of the record's.
 */
export type RowOf<T> = { [K in keyof T & string as SnakeCase<K>]: T[K] };

/** Row locks a read may take inside the caller's transaction. */
export type RowLock = 'FOR UPDATE' | 'FOR NO KEY UPDATE';

const statements = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * `m.findOneBy(Entity, where)` for the hot paths: equality on columns only, one row, as the same
 * entity TypeORM would give. TypeORM builds, aliases and rewrites the statement on every call and
 * hydrates through its generic transformer, several times the CPU of the query itself; this
 * builds the statement once per entity and set of columns and hydrates from the metadata.
 */
export async function findOneRow<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  where: { [K in keyof T]?: T[K] },
  lock?: RowLock,
): Promise<T | null> {
  const meta = m.connection.getMetadata(entity);
  const keys = Object.keys(where);
  const columns = keys.map((key) => {
    const column = meta.findColumnWithPropertyPath(key);
    if (!column) throw new Error(`${meta.name} has no column ${key}`);
    const value = (where as Record<string, unknown>)[key];
    // undefined and null are not equality (findOneBy skips undefined; IS NULL is another statement).
    if (value === undefined || value === null || (typeof value === 'object' && !(value instanceof Date)))
      throw new Error(`findOneRow compares ${meta.name}.${key} with a plain value only`);
    return column;
  });
  let cached = statements.get(meta);
  if (!cached) statements.set(meta, (cached = new Map<string, string>()));
  const cacheKey = `${keys.join(',')}|${lock ?? ''}`;
  let sql = cached.get(cacheKey);
  if (!sql) {
    const select = meta.columns.map((c) => `"${c.databaseName}"`).join(', ');
    const conditions = columns.map((c, i) => `"${c.databaseName}" = $${i + 1}`).join(' AND ');
    sql = `SELECT ${select} FROM "${meta.tableName}" WHERE ${conditions} LIMIT 1${lock ? ` ${lock}` : ''}`;
    cached.set(cacheKey, sql);
  }
  const driver = m.connection.driver;
  const params: unknown[] = columns.map(
    (c, i) => driver.preparePersistentValue((where as Record<string, unknown>)[keys[i]], c) as unknown,
  );
  const rows: Record<string, unknown>[] = await m.query(sql, params);
  return rows.length ? hydrate(m, meta, rows[0]) : null;
}

/**
 * A row a raw statement returned (`RETURNING *`: database column names) as the entity TypeORM
 * would give, so a write need not be followed by a read of the row it wrote.
 */
export function rowAs<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>,
): T {
  return hydrate(m, m.connection.getMetadata(entity), raw);
}

/** A raw row (database column names) as an entity of `meta`, converted as TypeORM converts it. */
function hydrate<T>(m: EntityManager, meta: EntityMetadata, raw: Record<string, unknown>): T {
  const entity = meta.create() as T & ObjectLiteral;
  const driver = m.connection.driver;
  for (const column of meta.columns) {
    if (column.databaseName in raw)
      column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return entity;
}

/**
 * An entity's columns read from `alias`, each renamed with `prefix`: two tables' rows in one
 * result (split with withoutPrefix, then rowAs).
 */
export function columnsOf(
  m: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix: string,
): string {
  return m.connection
    .getMetadata(entity)
    .columns.map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

/** The columns of a raw row that carry `prefix`, without it. */
export function withoutPrefix(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = value;
  return raw;
}
