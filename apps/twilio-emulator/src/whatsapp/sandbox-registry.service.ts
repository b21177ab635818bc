import { Injectable } from '@nestjs/common';
import { stripChannelPrefix } from '@app/twilio';
import { normalizeJoinCode, parseJoinCode } from './whatsapp-rules';

interface Sandbox {
  joinCode: string;
  joined: Set<string>;
}

/** WhatsApp sandbox numbers, their join codes and the phones that joined them. */
@Injectable()
export class SandboxRegistry {
  private readonly sandboxes = new Map<string, Sandbox>();

  /** Registers (or re-registers) a sandbox; a new code forgets the phones that joined the old one. */
  register(number: string, joinCode: string): { number: string; joinCode: string } {
    const bare = stripChannelPrefix(number);
    const code = normalizeJoinCode(joinCode);
    const existing = this.sandboxes.get(bare);
    this.sandboxes.set(bare, {
      joinCode: code,
      joined: existing?.joinCode === code ? existing.joined : new Set(),
    });
    return { number: bare, joinCode: code };
  }

  /** Null when the number is not a sandbox, else whether the phone joined it. */
  membership(number: string, phone: string): { joined: boolean } | null {
    const sandbox = this.sandboxes.get(stripChannelPrefix(number));
    return sandbox ? { joined: sandbox.joined.has(stripChannelPrefix(phone)) } : null;
  }

  /** Handles an inbound body: `join <code>` with the right code joins the phone. True when it did. */
  handleInbound(number: string, phone: string, body: string): boolean {
    const sandbox = this.sandboxes.get(stripChannelPrefix(number));
    if (!sandbox || parseJoinCode(body) !== sandbox.joinCode) return false;
    sandbox.joined.add(stripChannelPrefix(phone));
    return true;
  }

  reset(): void {
    this.sandboxes.clear();
  }
}
