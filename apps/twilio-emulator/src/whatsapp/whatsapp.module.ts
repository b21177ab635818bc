import { Module } from '@nestjs/common';
import { ConversationWindows } from './conversation-windows.service';
import { SandboxRegistry } from './sandbox-registry.service';
import { WhatsAppRules } from './whatsapp-rules.service';

/** WhatsApp's delivery rules: the 24-hour customer service window and the sandbox. */
@Module({
  providers: [ConversationWindows, SandboxRegistry, WhatsAppRules],
  exports: [ConversationWindows, SandboxRegistry, WhatsAppRules],
})
export class WhatsAppModule {}
