import type { Channel } from './channels';
import type { SendKind } from './send-kinds';

/** WhatsApp's customer-service window: free-form text may follow a member's message for this long. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a send needs the member's window open: free-form WhatsApp only (an approved template
 * always goes), and never a notice, which answers the message that just came in.
 */
export function needsWindow(send: { channel: Channel; contentSid?: string; kind: SendKind }): boolean {
  return send.channel === 'whatsapp' && send.contentSid === undefined && send.kind !== 'notice';
}

export function isWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < WINDOW_MS;
}

export function windowExpiresAt(lastInboundAt: Date): Date {
  return new Date(lastInboundAt.getTime() + WINDOW_MS);
}
