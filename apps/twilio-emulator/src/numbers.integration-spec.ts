import { createTwilioClient } from '@app/twilio';
import { type RunningTwilioEmulator, startTwilioEmulator } from './index';
import { control } from './testing/harness';

const ACCOUNT_SID = 'AC' + 'abcdef1234567890'.repeat(2);
const AUTH_TOKEN = 'numbers-auth-token';

describe("twilio-emulator: the account's IncomingPhoneNumbers through the official client", () => {
  let emulator: RunningTwilioEmulator;

  beforeAll(async () => {
    emulator = await startTwilioEmulator({ port: 0, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  });
  afterAll(() => emulator?.close());

  it('lists the numbers the control API gave the account, by exact number too, and keeps them on reset', async () => {
    const client = createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      apiBaseUrl: emulator.url,
    });
    expect(await client.incomingPhoneNumbers.list()).toEqual([]);
    const added = await control(emulator.url, 'POST', '/emulator/numbers', {
      number: '+15550001111',
      friendlyName: 'Front desk',
    });
    expect(added.body).toMatchObject({
      sid: expect.stringMatching(/^PN[0-9a-f]{32}$/),
      number: '+15550001111',
    });
    await control(emulator.url, 'POST', '/emulator/numbers', { number: 'whatsapp:+15550002222' });
    await control(emulator.url, 'POST', '/emulator/reset');

    const all = await client.incomingPhoneNumbers.list();
    expect(all.map((n) => [n.phoneNumber, n.friendlyName, n.accountSid])).toEqual([
      ['+15550001111', 'Front desk', ACCOUNT_SID],
      ['+15550002222', '+15550002222', ACCOUNT_SID],
    ]);
    expect(all[0].capabilities).toMatchObject({ sms: true });
    expect(all[0].sid).toBe((added.body as { sid: string }).sid);
    const one = await client.incomingPhoneNumbers.list({ phoneNumber: '+15550002222' });
    expect(one.map((n) => n.phoneNumber)).toEqual(['+15550002222']);
    expect(await client.incomingPhoneNumbers.list({ phoneNumber: '+15559999999' })).toEqual([]);

    // Paged as Twilio pages: the client follows next_page_uri.
    for (let i = 0; i < 5; i++)
      await control(emulator.url, 'POST', '/emulator/numbers', { number: `+1555000300${i}` });
    expect(await client.incomingPhoneNumbers.list({ pageSize: 2 })).toHaveLength(7);

    expect((await control(emulator.url, 'DELETE', '/emulator/numbers/+15550001111')).status).toBe(200);
    expect((await client.incomingPhoneNumbers.list()).map((n) => n.phoneNumber)).not.toContain(
      '+15550001111',
    );
  });

  it('refuses a wrong auth token and another account, as Twilio does', async () => {
    const wrong = createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: 'nope',
      apiBaseUrl: emulator.url,
    });
    await expect(wrong.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    const other = createTwilioClient({
      accountSid: 'AC' + '0'.repeat(32),
      authToken: AUTH_TOKEN,
      apiBaseUrl: emulator.url,
    });
    await expect(other.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401 });
  });
});
