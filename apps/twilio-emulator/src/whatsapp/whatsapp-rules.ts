import { WINDOW_MS } from '@app/rules';

/** WhatsApp's customer service window: free-form text only within 24 h of the user's last message. */
export { WINDOW_MS };

export interface WhatsAppSendFacts {
  /** A Content API template (ContentSid) rather than free-form text. */
  isTemplate: boolean;
  now: number;
  /** When the recipient last wrote to this number (epoch ms), or null if never. */
  lastInboundAt: number | null;
  /** The sending number is a sandbox, and whether the recipient joined it. */
  sandbox: { joined: boolean } | null;
}

export type WhatsAppDecision =
  { deliver: true } | { deliver: false; errorCode: 63015 | 63016; errorMessage: string };

/**
 * Whether WhatsApp delivers a send: a sandbox only reaches phones that joined it (63015); free-form
 * text needs an open window (63016); an approved template always goes.
 */
export function decideWhatsAppDelivery(facts: WhatsAppSendFacts): WhatsAppDecision {
  if (facts.sandbox && !facts.sandbox.joined) {
    return {
      deliver: false,
      errorCode: 63015,
      errorMessage: 'Channel Sandbox can only send messages to phone numbers that have joined the Sandbox',
    };
  }
  if (!facts.isTemplate && !isWindowOpen(facts.lastInboundAt, facts.now)) {
    return {
      deliver: false,
      errorCode: 63016,
      errorMessage:
        'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
    };
  }
  return { deliver: true };
}

export function isWindowOpen(lastInboundAt: number | null, now: number): boolean {
  return lastInboundAt !== null && now - lastInboundAt <= WINDOW_MS;
}

/** The code in a `join <code>` message (`join happy-dog` → `happy-dog`), lower-cased; null otherwise. */
export function parseJoinCode(body: string): string | null {
  const match = /^\s*join\s+(\S+(?:\s+\S+)*)\s*$/i.exec(body);
  return match ? normalizeJoinCode(match[1]) : null;
}

/** A join code as registered: `join happy-dog`, `Happy-Dog` → `happy-dog`. */
export function normalizeJoinCode(code: string): string {
  return code
    .trim()
    .replace(/^join\s+/i, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
