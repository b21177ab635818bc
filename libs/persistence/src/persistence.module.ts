import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { Client } from 'pg';
import { counter } from '@app/telemetry';

const statements = counter(
  'db_statements_total',
  'Statements sent to Postgres (transaction BEGIN and COMMIT included): round trips, for the bench',
);

/** Counts every statement and logs nothing: TypeORM's own log would print parameters (phones, bodies). */
const statementCounter: Logger = {
  logQuery: () => statements.inc(),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

export interface PersistenceOptions {
  databaseUrl: string;
  /** The service's own schema: no service reads another's tables. */
  schema: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** The database fields of a service's config (@app/config's databaseConfigShape). */
export interface DatabaseConfig {
  DATABASE_URL: string;
  DB_SCHEMA?: string;
  DB_POOL_SIZE: number;
}

/** A service's persistence options from its validated config: its schema defaults to the service name. */
export function persistenceOptions(
  service: string,
  config: DatabaseConfig,
  tables: Pick<PersistenceOptions, 'entities' | 'migrations'>,
): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? service,
    poolSize: config.DB_POOL_SIZE,
    entities: tables.entities,
    migrations: tables.migrations,
  };
}

/** TypeORM settings for one service schema. Unqualified SQL in migrations lands in that schema. */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // TypeORM's own error log prints query parameters (phone numbers, bodies): errors reach our
    // logs through the handlers instead, without parameters.
    logging: false,
    logger: statementCounter,
    extra: {
      max: options.poolSize,
      options: `-c search_path=${options.schema}`,
      connectionTimeoutMillis: 5_000,
    },
  };
}

async function createSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two replicas creating it at once: the loser sees a unique violation; the schema exists.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Creates the schema if needed and runs pending migrations under an advisory lock, so replicas
 * starting together migrate once.
 */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

export async function openDataSource(options: PersistenceOptions, runMigrations = true): Promise<DataSource> {
  await createSchema(options.databaseUrl, options.schema);
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  if (runMigrations) await migrate(dataSource, options.schema);
  return dataSource;
}

/** Applies the schema's migrations and closes the connection (`main.js migrate`). */
export async function migrateSchema(options: PersistenceOptions): Promise<void> {
  const dataSource = await openDataSource(options);
  await dataSource.destroy();
}

/**
 * A service's database, for `defineService` of @app/runtime: its schema (the service name unless
 * DB_SCHEMA says otherwise) with these entities, migrated at start and by `main.js migrate`.
 */
export function database(tables: Pick<PersistenceOptions, 'entities' | 'migrations'>) {
  const options = (service: string, config: DatabaseConfig) => persistenceOptions(service, config, tables);
  return {
    options,
    module: (service: string, config: DatabaseConfig) => PersistenceModule.forRoot(options(service, config)),
    migrate: (service: string, config: DatabaseConfig) => migrateSchema(options(service, config)),
  };
}

@Module({})
export class PersistenceModule {
  /** A TypeORM connection to the service's schema, migrated at start. */
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async () => openDataSource(options),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }

  static forFeature(...args: Parameters<typeof TypeOrmModule.forFeature>): DynamicModule {
    return TypeOrmModule.forFeature(...args);
  }
}
