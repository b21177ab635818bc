import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, DiagnosticLinks, type DiagnosticKind, type DiagnosticRecorded } from '@app/contracts';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config';
import { viewOf } from '../http/view';
import { Diagnostic } from './diagnostic.view';

interface Row {
  seq: string;
  id: string;
  kind: DiagnosticKind;
  code: string;
  reason: string;
  channel: Diagnostic['channel'];
  address: string | null;
  links: Diagnostic['links'];
  occurredAt: Date;
}

/** Every link null: the contract's defaults (a record names only what it points at). */
const NO_LINKS: Diagnostic['links'] = DiagnosticLinks.parse({});

/** Page cursors are the time and sequence of the last row shown, opaque to callers. */
const encodeCursor = (row: Row) =>
  Buffer.from(`d:${row.occurredAt.toISOString()}|${row.seq}`).toString('base64url');
function decodeCursor(cursor: string | null): { at: string; seq: string } | null {
  if (cursor === null) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^d:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,19})$/.exec(text);
  if (!match)
    throw new AppError(
      'invalid_input',
      'cursor: not a cursor from a previous page; pass nextCursor as given.',
    );
  return { at: match[1], seq: match[2] };
}

/**
 * The diagnostics feed in Postgres: written once per workspace and key, read newest first, kept
 * DIAGNOSTICS_RETENTION_DAYS (older records are neither added, shown nor kept).
 */
@Injectable()
export class DiagnosticsStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private get retentionSecs(): number {
    return this.config.DIAGNOSTICS_RETENTION_DAYS * 86_400;
  }

  /** Adds a record unless one with its key is there, or it is already past retention. True when added. */
  async add(record: DiagnosticRecorded): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO diagnostics (id, workspace_id, key, kind, code, reason, channel, address, links, occurred_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
        WHERE $10::timestamptz > now() - make_interval(secs => $11)
       ON CONFLICT ((coalesce(workspace_id, '00000000-0000-0000-0000-000000000000'::uuid)), key) DO NOTHING
       RETURNING seq`,
      [
        randomUUID(),
        record.workspaceId,
        record.key,
        record.kind,
        record.code,
        record.reason,
        record.channel,
        record.address,
        JSON.stringify({ ...NO_LINKS, ...record.links }),
        record.occurredAt,
        this.retentionSecs,
      ],
    );
    return rows.length > 0;
  }

  /**
   * A workspace's records (null: those of numbers no workspace has), newest first (by when they
   * happened: consumers record them in parallel, out of order), of one kind
   * and since a time if given. Records past retention are never shown, swept or not.
   */
  async list(query: {
    workspaceId: string | null;
    kind?: DiagnosticKind;
    since?: string;
    cursor: string | null;
    limit: number;
  }): Promise<{ items: Diagnostic[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor);
    const rows: Row[] = await this.db.query(
      `SELECT seq, id, kind, code, reason, channel, address, links, occurred_at AS "occurredAt"
         FROM diagnostics
        WHERE workspace_id IS NOT DISTINCT FROM $1::uuid
          AND ($2::text IS NULL OR kind = $2)
          AND ($3::timestamptz IS NULL OR occurred_at >= $3)
          AND ($4::timestamptz IS NULL OR (occurred_at, seq) < ($4, $5::bigint))
          AND occurred_at > now() - make_interval(secs => $6)
        ORDER BY occurred_at DESC, seq DESC
        LIMIT $7`,
      [
        query.workspaceId,
        query.kind ?? null,
        query.since ?? null,
        after?.at ?? null,
        after?.seq ?? null,
        this.retentionSecs,
        query.limit + 1,
      ],
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toDiagnostic),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  /** Deletes records past retention, a batch at a time; answers how many went. */
  async purge(batch = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      // TypeORM answers a DELETE with [rows, affected count].
      const [, deleted]: [unknown[], number] = await this.db.query(
        `DELETE FROM diagnostics WHERE seq IN (
           SELECT seq FROM diagnostics WHERE occurred_at <= now() - make_interval(secs => $1) LIMIT $2
         )`,
        [this.retentionSecs, batch],
      );
      total += deleted;
      if (deleted < batch) return total;
    }
  }
}

/** A row as the feed shows it; links a record left out (older records) are null. */
const toDiagnostic = (row: Row): Diagnostic =>
  viewOf(Diagnostic, { ...row, links: { ...NO_LINKS, ...row.links } });
