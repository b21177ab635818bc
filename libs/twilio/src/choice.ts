/**
 * The button or list item a WhatsApp message is the press of, read from Twilio's webhook
 * parameters (`ButtonPayload`/`ButtonText` for a quick reply, `ListId`/`ListTitle` for a list),
 * or null for a message the member typed.
 */
export function inboundChoice(
  params: Record<string, string>,
): { kind: 'button' | 'list'; id: string; title: string } | null {
  if (params.ButtonPayload)
    return { kind: 'button', id: params.ButtonPayload, title: params.ButtonText ?? '' };
  if (params.ListId) return { kind: 'list', id: params.ListId, title: params.ListTitle ?? '' };
  return null;
}
