import { Module } from '@nestjs/common';
import { DiagnosticsController, UnassignedDiagnosticsController } from './diagnostics.controller';
import { DiagnosticsHandlers } from './diagnostics.handlers';
import { DiagnosticsRetention } from './diagnostics-retention';
import { DiagnosticsStore } from './diagnostics.store';
import { RecordDiagnostic } from './record-diagnostic.usecase';

/**
 * The diagnostics feed (GET /v1/diagnostics): DiagnosticRecorded from routing, chats, workflow and
 * outbound (refused or undelivered sends), kept for a retention period.
 */
@Module({
  controllers: [DiagnosticsController, UnassignedDiagnosticsController, DiagnosticsHandlers],
  providers: [DiagnosticsStore, RecordDiagnostic, DiagnosticsRetention],
})
export class DiagnosticsModule {}
