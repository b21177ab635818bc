import type { MessageOutcome } from './message.model';

/**
 * The emulator fetches no media. A media URL tells it what Twilio would have found there, by a
 * query parameter: `emulator-media=too-large` fails the message with 11751 (over the provider's size
 * limit), `emulator-media=unreachable` with 63019 (the download failed). Any other URL is fine.
 */
export function mediaOutcome(mediaUrls: string[]): MessageOutcome | null {
  for (const url of mediaUrls) {
    const said = URL.canParse(url) ? new URL(url).searchParams.get('emulator-media') : null;
    if (said === 'too-large') {
      return {
        status: 'failed',
        errorCode: 11751,
        errorMessage: 'Media Message - Media exceeds messaging provider size limit',
      };
    }
    if (said === 'unreachable') {
      return { status: 'failed', errorCode: 63019, errorMessage: 'Media failed to download' };
    }
  }
  return null;
}
