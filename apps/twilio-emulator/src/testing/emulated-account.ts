// One emulated Twilio account for an integration spec: the emulator, the official client on it,
// and a form receiver standing for the application's webhooks.
import { createTwilioClient, type TwilioClient } from '@app/twilio';
import { startTwilioEmulator, type RunningTwilioEmulator } from '../emulator';
import { control, startFormReceiver, type FormReceiver } from './harness';

export interface EmulatedAccount {
  emulator: RunningTwilioEmulator;
  client: TwilioClient;
  app: FormReceiver;
}

/**
 * Registers with the enclosing describe an account started before its tests and closed after; with
 * `inbound`, the emulator posts inbound messages to the receiver; with `resetEach`, each test starts
 * from a reset emulator and an empty receiver. Its fields are set once the tests run.
 */
export function useEmulatedAccount(
  accountSid: string,
  authToken: string,
  options: { statusDelayMs: number; inbound?: boolean; resetEach?: boolean },
): EmulatedAccount {
  const account = {} as EmulatedAccount;
  beforeAll(async () => {
    account.app = await startFormReceiver(authToken);
    account.emulator = await startTwilioEmulator({
      port: 0,
      accountSid,
      authToken,
      statusDelayMs: options.statusDelayMs,
      ...(options.inbound && { webhookUrl: `${account.app.url}/twilio/messaging` }),
    });
    account.client = createTwilioClient({ accountSid, authToken, apiBaseUrl: account.emulator.url });
  });
  afterAll(async () => {
    await account.emulator?.close();
    await account.app?.close();
  });
  if (options.resetEach)
    beforeEach(async () => {
      await control(account.emulator.url, 'POST', '/emulator/reset');
      account.app.requests.length = 0;
    });
  return account;
}
