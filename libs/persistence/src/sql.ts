import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plain SQL on the service's schema, for statements TypeORM's repositories do not express well
 * (ON CONFLICT, counters moved with the row that changed, CTEs). Provide it in the module that
 * uses it.
 */
@Injectable()
export class Sql {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rows a statement returns (SELECT, or INSERT/UPDATE ... RETURNING). */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return (result as { records: T[] }).records ?? [];
    } finally {
      await runner.release();
    }
  }

  /** A connection of its own, for session state such as advisory locks. Release it when done. */
  async dedicated(): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    return runner;
  }
}

/**
 * A migration of plain SQL statements, run in order; `down` undoes them. Its `name` (class name
 * plus timestamp, as TypeORM expects) is what the migrations table records.
 */
export function sqlMigration(
  name: string,
  statements: { up: readonly string[]; down: readonly string[] },
): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const statement of statements.up) await q.query(statement);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const statement of statements.down) await q.query(statement);
    }
  };
}
