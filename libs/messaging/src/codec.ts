const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeJson = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));
export const decodeText = (data: Uint8Array): string => decoder.decode(data);

/** A request-reply answer: the data, or an error with one of the shared error codes. */
export type ReplyEnvelope =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };
