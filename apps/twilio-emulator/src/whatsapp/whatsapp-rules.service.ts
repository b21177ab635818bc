import { Injectable } from '@nestjs/common';
import { ConversationWindows } from './conversation-windows.service';
import { SandboxRegistry } from './sandbox-registry.service';
import { decideWhatsAppDelivery, type WhatsAppDecision } from './whatsapp-rules';

/** Applies the WhatsApp rules (sandbox, 24-hour window) to one outbound send, and records inbound. */
@Injectable()
export class WhatsAppRules {
  constructor(
    private readonly windows: ConversationWindows,
    private readonly sandboxes: SandboxRegistry,
  ) {}

  decide(send: {
    fromPhone: string | null;
    toPhone: string;
    isTemplate: boolean;
    now: number;
  }): WhatsAppDecision {
    const number = send.fromPhone ?? '';
    return decideWhatsAppDelivery({
      isTemplate: send.isTemplate,
      now: send.now,
      lastInboundAt: this.windows.lastInboundAt(number, send.toPhone),
      sandbox: this.sandboxes.membership(number, send.toPhone),
    });
  }

  /** An inbound WhatsApp message opens (refreshes) the window, and may join a sandbox. */
  recordInbound(number: string, phone: string, body: string, at: number): { joinedSandbox: boolean } {
    this.windows.record(number, phone, at);
    return { joinedSandbox: this.sandboxes.handleInbound(number, phone, body) };
  }
}
