import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DiagnosticRecorded, OutboundMessageUpdated } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { RecordDiagnostic, RecordSendDiagnostic } from './record-diagnostic.usecase';

@Controller()
export class DiagnosticsHandlers {
  constructor(
    private readonly record: RecordDiagnostic,
    private readonly recordSend: RecordSendDiagnostic,
  ) {}

  @OnEvent(DiagnosticRecorded, { concurrency: 16 })
  async onRecorded(@Payload() record: DiagnosticRecorded): Promise<void> {
    await this.record.execute(record);
  }

  @OnEvent(OutboundMessageUpdated, { concurrency: 16 })
  async onSendUpdated(@Payload() update: OutboundMessageUpdated): Promise<void> {
    await this.recordSend.execute(update);
  }
}
