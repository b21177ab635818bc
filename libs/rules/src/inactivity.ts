/**
 * How long a chat stays open without a message: a number's setting, written as an ISO 8601
 * duration of days, hours and minutes (`PT24H`, `P2D`, `PT30M`; the form Twilio Conversations
 * uses for its inactivity timer). A chat whose last message is older closes; the member's next
 * message opens a new chat with the number's current default workflow.
 */
export const DEFAULT_INACTIVITY_CLOSE_AFTER = 'PT24H';
export const INACTIVITY_MIN_SECONDS = 5 * 60;
export const INACTIVITY_MAX_SECONDS = 90 * 24 * 60 * 60;

const ISO_DURATION = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,6})M)?)?$/;

/** Seconds in the duration, or an error text a person can act on. */
export function parseInactivityCloseAfter(value: string): { seconds: number } | { error: string } {
  const m = ISO_DURATION.exec(value.trim().toUpperCase());
  const empty = !m || (m[1] === undefined && m[2] === undefined && m[3] === undefined);
  if (empty || value.trim().toUpperCase().endsWith('T'))
    return { error: `"${value}" is not a duration such as PT24H, PT30M or P7D (days, hours, minutes).` };
  const seconds = (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60;
  if (seconds < INACTIVITY_MIN_SECONDS || seconds > INACTIVITY_MAX_SECONDS)
    return { error: `"${value}" is outside the allowed range, PT5M to P90D.` };
  return { seconds };
}

/** The duration back as its shortest ISO 8601 form (86400 → `PT24H`, 172800 → `P2D`). */
export function formatInactivityCloseAfter(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  // A whole number of hours under three days reads better in hours (PT24H rather than P1D).
  if (days > 0 && days < 3 && hours === 0 && mins === 0) return `PT${days * 24}H`;
  const time = `${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}`;
  if (!days && !time) return 'PT0M';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** When a chat last active at `lastActivityAt` closes. */
export function chatClosesAt(lastActivityAt: Date, closeAfterSeconds: number): Date {
  return new Date(lastActivityAt.getTime() + closeAfterSeconds * 1000);
}

/** Whether a message at `at` comes after the chat closed for inactivity (so it starts a new chat). */
export function isChatInactive(lastActivityAt: Date, closeAfterSeconds: number, at: Date): boolean {
  return at.getTime() >= chatClosesAt(lastActivityAt, closeAfterSeconds).getTime();
}
