import { DEFAULTS, EmulatorConfigError, loadEmulatorConfig } from './config';

describe('loadEmulatorConfig', () => {
  it('uses the defaults for an empty env', () => {
    expect(loadEmulatorConfig({})).toEqual(DEFAULTS);
    expect(DEFAULTS.port).toBe(3999);
  });

  it('reads every variable', () => {
    const config = loadEmulatorConfig({
      PORT: '4000',
      HOST: '127.0.0.1',
      TWILIO_ACCOUNT_SID: 'AC' + 'b'.repeat(32),
      TWILIO_AUTH_TOKEN: 'secret-token',
      EMULATOR_WEBHOOK_URL: 'http://ingress:3000/twilio/messaging',
      EMULATOR_STATUS_DELAY_MS: '0',
      EMULATOR_MAX_MESSAGES: '10',
    });
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      accountSid: 'AC' + 'b'.repeat(32),
      authToken: 'secret-token',
      webhookUrl: 'http://ingress:3000/twilio/messaging',
      statusDelayMs: 0,
      maxMessages: 10,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadEmulatorConfig({ PORT: '', EMULATOR_WEBHOOK_URL: '  ' }).port).toBe(3999);
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": expected an integer from 0 to 65535/],
    ['PORT', '70000', /PORT="70000": expected an integer/],
    ['TWILIO_ACCOUNT_SID', 'XY123', /TWILIO_ACCOUNT_SID="XY123": expected "AC"/],
    ['EMULATOR_WEBHOOK_URL', 'not-a-url', /EMULATOR_WEBHOOK_URL="not-a-url": expected an http\(s\) URL/],
    ['EMULATOR_STATUS_DELAY_MS', '-5', /EMULATOR_STATUS_DELAY_MS="-5"/],
  ])('names a malformed %s in one line', (key, value, pattern) => {
    let error: unknown;
    try {
      loadEmulatorConfig({ [key]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmulatorConfigError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never prints the auth token', () => {
    expect(() => loadEmulatorConfig({ TWILIO_AUTH_TOKEN: 'short' })).toThrow('TWILIO_AUTH_TOKEN=(hidden)');
  });
});
