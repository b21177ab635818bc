import { Controller } from '@nestjs/common';
import { DiagnosticRecorded } from '@app/contracts';
import { consume, HandOver } from '@app/messaging';
import { RecordDiagnostic } from './record-diagnostic.usecase';

/** The records routing, chats, workflow and outbound publish, into the feed. */
@Controller()
export class DiagnosticsHandlers extends HandOver(
  consume(DiagnosticRecorded, RecordDiagnostic, { concurrency: 16 }),
) {}
