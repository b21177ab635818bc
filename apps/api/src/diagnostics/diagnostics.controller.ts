import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DiagnosticKind, Timestamp } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { queryCursor, queryInt, ZodQuery } from '../http/validation';
import { Diagnostic } from './diagnostic.view';
import { DiagnosticsStore } from './diagnostics.store';

const FeedQuery = z
  .object({
    kind: DiagnosticKind.optional(),
    since: Timestamp.optional().meta({ example: '2026-11-30T00:00:00Z' }),
    limit: queryInt(1, 200),
    cursor: queryCursor,
  })
  .strict();
// A type named apart from the schema: decorator metadata would otherwise name the zod object as the class.
type FeedParams = z.infer<typeof FeedQuery>;

/** A page of records; the record is a named schema (with its example) the console's types use. */
const FEED_PAGE = {
  type: 'object' as const,
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array' as const, items: schemaRef('Diagnostic', Diagnostic) },
    nextCursor: { type: 'string' as const, nullable: true, description: 'Pass as cursor for the next page.' },
  },
};

/** A feed's one route: GET, answering a page of records. */
const FeedRoute = (summary: string) => Endpoint('GET', '', { summary, response: FEED_PAGE });

/** Both feeds read the same records: a workspace's, or (workspace null) the unassigned ones. */
@Injectable()
abstract class FeedController {
  constructor(private readonly store: DiagnosticsStore) {}

  protected page(workspaceId: string | null, query: FeedParams) {
    return this.store.list({ workspaceId, ...query, limit: query.limit ?? 50 });
  }
}

@ApiController('diagnostics', 'workspace', 'Diagnostics')
export class DiagnosticsController extends FeedController {
  @FeedRoute(
    "Why something did not happen: the workspace's dropped inbound messages, files not kept, skipped turns, refused sends and failed deliveries, newest first (kept DIAGNOSTICS_RETENTION_DAYS, 7 by default)",
  )
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(FeedQuery) query: FeedParams) {
    return this.page(ws.workspaceId, query);
  }
}

/** Messages to numbers no workspace has belong to nobody's feed: the operator reads them here. */
@ApiController('diagnostics/unassigned', 'operator', 'Diagnostics')
export class UnassignedDiagnosticsController extends FeedController {
  @FeedRoute(
    'Inbound messages sent to numbers no workspace has (not added, or not WhatsApp-registered here), newest first (operator)',
  )
  list(@ZodQuery(FeedQuery) query: FeedParams) {
    return this.page(null, query);
  }
}
