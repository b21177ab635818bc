import { ConfigError } from '@app/config';
import { loadIngressConfig } from './config';

const base = {
  PORT: '0',
  TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
};

describe('ingress config', () => {
  it('requires PUBLIC_BASE_URL in production', () => {
    expect(() => loadIngressConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadIngressConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /PUBLIC_BASE_URL is required when NODE_ENV=production/,
    );
    expect(
      loadIngressConfig({ ...base, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://hooks.example.com/' })
        .PUBLIC_BASE_URL,
    ).toBe('https://hooks.example.com');
  });

  it('leaves it optional elsewhere, trusting no proxy by default', () => {
    const config = loadIngressConfig({ ...base, NODE_ENV: 'development' });
    expect(config.PUBLIC_BASE_URL).toBeUndefined();
    expect(config.TRUSTED_PROXIES).toEqual([]);
  });
});
