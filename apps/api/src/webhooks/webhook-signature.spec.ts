import { retryDelayMs, signWebhook, verifyWebhook } from './webhook-signature';
import { checkWebhookUrl, isPublicAddress } from './safe-target';

describe('webhook signatures', () => {
  const body = '{"type":"chat.opened"}';
  const now = 1_790_000_000_000;
  const t = now / 1000;

  it('signs t.body with HMAC-SHA256 and verifies only the same secret, body and a fresh time', () => {
    const header = signWebhook('whsec_a', t, body);
    expect(header).toMatch(/^t=1790000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('whsec_a', header, body, now)).toBe(true);
    expect(verifyWebhook('whsec_b', header, body, now)).toBe(false);
    expect(verifyWebhook('whsec_a', header, `${body} `, now)).toBe(false);
    expect(verifyWebhook('whsec_a', header, body, now + 301_000)).toBe(false);
    expect(verifyWebhook('whsec_a', 'v1=abc', body, now)).toBe(false);
  });

  it.each([
    [1, 1000, 1000],
    [2, 1000, 2000],
    [5, 1000, 16000],
    [30, 1000, 3_600_000],
  ])('waits after attempt %i (base %i ms): %i ms without jitter', (attempt, base, expected) => {
    expect(retryDelayMs(attempt, base, () => 0.5)).toBe(expected);
    expect(retryDelayMs(attempt, base, () => 0)).toBe(Math.round(expected * 0.8));
  });
});

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('wants https, no credentials and no private literal address unless private targets are allowed', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x', false).host).toBe('hooks.example.com');
    expect(() => checkWebhookUrl('http://hooks.example.com/x', false)).toThrow(/must be https/);
    expect(() => checkWebhookUrl('https://u:p@hooks.example.com/x', false)).toThrow(/credentials/);
    expect(() => checkWebhookUrl('https://127.0.0.1/x', false)).toThrow(/private/);
    expect(() => checkWebhookUrl('https://[::1]/x', false)).toThrow(/private/);
    expect(() => checkWebhookUrl('nope', false)).toThrow(/absolute URL/);
    expect(checkWebhookUrl('http://127.0.0.1:9/x', true).port).toBe('9');
  });
});
