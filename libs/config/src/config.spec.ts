import { z } from 'zod';
import {
  ConfigError,
  baseConfigShape,
  databaseConfigShape,
  intSetting,
  loadConfig,
  redactConfig,
  secret,
} from './config';

describe('loadConfig', () => {
  const shape = { ...baseConfigShape, ...databaseConfigShape, TOKEN: secret(z.string()) };

  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(shape, { PORT: '3002', TOKEN: 't' });
    expect(config.PORT).toBe(3002);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NATS_STREAM_REPLICAS).toBe(1);
  });

  it('reads a whole-number setting within its bounds, its fallback when unset', () => {
    const limits = { LIMIT: intSetting(1, 100, 20) };
    expect(loadConfig(limits, {}).LIMIT).toBe(20);
    expect(loadConfig(limits, { LIMIT: '100' }).LIMIT).toBe(100);
    for (const bad of ['0', '101', '2.5', 'ten'])
      expect(() => loadConfig(limits, { LIMIT: bad })).toThrow(/LIMIT/);
  });

  it('names a missing variable in one line', () => {
    expect(() => loadConfig(shape, { PORT: '1' })).toThrow(
      new ConfigError('Invalid configuration: TOKEN is required'),
    );
  });

  it('names a malformed variable and says what is wrong', () => {
    expect(() => loadConfig(shape, { PORT: '1', TOKEN: 't', NATS_URL: 'http://x' })).toThrow(
      /NATS_URL must be nats:\/\/host:port/,
    );
    expect(() => loadConfig(shape, { PORT: 'abc', TOKEN: 't' })).toThrow(/^Invalid configuration: PORT /);
  });

  it('hides secrets and URL credentials when redacted', () => {
    const config = loadConfig(shape, { PORT: '1', TOKEN: 'hunter2', NATS_URL: 'nats://user:pw@host:4222' });
    const safe = redactConfig(shape, config);
    expect(safe.TOKEN).toBe('[secret]');
    expect(safe.DATABASE_URL).toBe('[secret]');
    expect(safe.NATS_URL).toBe('nats://[secret]@host:4222');
    expect(JSON.stringify(safe)).not.toContain('hunter2');
  });

  it.each([
    [undefined, []],
    ['', []],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads TRUSTED_PROXIES %j as %j', (value, proxies) => {
    expect(loadConfig(shape, { PORT: '1', TOKEN: 't', TRUSTED_PROXIES: value }).TRUSTED_PROXIES).toEqual(
      proxies,
    );
  });

  it.each(['*', 'true', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/2', '::1/129'])(
    'refuses TRUSTED_PROXIES %j',
    (value) => {
      expect(() => loadConfig(shape, { PORT: '1', TOKEN: 't', TRUSTED_PROXIES: value })).toThrow(
        /TRUSTED_PROXIES must be a comma-separated list of addresses or CIDRs/,
      );
    },
  );
});
