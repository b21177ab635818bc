import { Injectable, Logger } from '@nestjs/common';
import type { DiagnosticRecorded } from '@app/contracts';
import { DiagnosticsStore } from './diagnostics.store';

/** A record a service published (routing, chats, workflow, outbound) into the feed; a redelivery adds nothing. */
@Injectable()
export class RecordDiagnostic {
  private readonly logger = new Logger('Diagnostics');

  constructor(private readonly store: DiagnosticsStore) {}

  async execute(record: DiagnosticRecorded): Promise<void> {
    const added = await this.store.add(record);
    if (added)
      this.logger.debug(
        `Recorded ${record.kind} (${record.code}) for workspace ${record.workspaceId ?? '-'}`,
      );
  }
}
