import type { Channel } from './channels';

/**
 * The code in a `join <code>` message to a WhatsApp sandbox, lower-cased with single spaces
 * (`Join  Bright-Tiger` → `bright-tiger`); null when the message is not a join.
 */
export function parseSandboxJoin(body: string): string | null {
  const match = /^\s*join\s+(\S+(?:\s+\S+)*)\s*$/i.exec(body);
  return match ? match[1].replace(/\s+/g, ' ').toLowerCase() : null;
}

/**
 * Whether a message joins a sandbox number: `join <its code>` (any case); a sandbox whose code we
 * were not told accepts any `join ...`, as we cannot tell which code Twilio gave it.
 */
export function joinsSandbox(body: string, joinCode: string | null): boolean {
  const code = parseSandboxJoin(body);
  if (code === null) return false;
  return joinCode === null || code === joinCode.trim().toLowerCase();
}

/** A WhatsApp send from a sandbox number reaches only members who joined it (Twilio's 63015). */
export function needsSandboxJoin(channel: Channel, phoneNumber: { whatsappSandbox: boolean }): boolean {
  return channel === 'whatsapp' && phoneNumber.whatsappSandbox;
}
