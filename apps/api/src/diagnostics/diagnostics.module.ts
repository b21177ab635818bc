import { Module } from '@nestjs/common';
import { DiagnosticsController, UnassignedDiagnosticsController } from './diagnostics.controller';
import { DiagnosticsHandlers } from './diagnostics.handlers';
import { DiagnosticsRetention } from './diagnostics-retention';
import { DiagnosticsStore } from './diagnostics.store';
import { RecordDiagnostic, RecordSendDiagnostic } from './record-diagnostic.usecase';

/**
 * The diagnostics feed (GET /v1/diagnostics): DiagnosticRecorded from routing, chats and workflow,
 * and refused or undelivered sends from outbound's status updates, kept for a retention period.
 */
@Module({
  controllers: [DiagnosticsController, UnassignedDiagnosticsController, DiagnosticsHandlers],
  providers: [DiagnosticsStore, RecordDiagnostic, RecordSendDiagnostic, DiagnosticsRetention],
})
export class DiagnosticsModule {}
