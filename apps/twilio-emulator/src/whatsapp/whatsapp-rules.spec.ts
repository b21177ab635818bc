import {
  decideWhatsAppDelivery,
  isWindowOpen,
  normalizeJoinCode,
  parseJoinCode,
  WINDOW_MS,
} from './whatsapp-rules';

const now = Date.UTC(2024, 5, 1, 12);

describe('decideWhatsAppDelivery', () => {
  it('delivers free-form text inside the 24-hour window', () => {
    expect(
      decideWhatsAppDelivery({ isTemplate: false, now, lastInboundAt: now - WINDOW_MS, sandbox: null }),
    ).toEqual({ deliver: true });
  });

  it('fails free-form text outside the window, or with no inbound at all, with 63016', () => {
    expect(
      decideWhatsAppDelivery({ isTemplate: false, now, lastInboundAt: now - WINDOW_MS - 1, sandbox: null }),
    ).toMatchObject({
      deliver: false,
      errorCode: 63016,
    });
    expect(
      decideWhatsAppDelivery({ isTemplate: false, now, lastInboundAt: null, sandbox: null }),
    ).toMatchObject({ errorCode: 63016 });
  });

  it('always delivers a template outside the window', () => {
    expect(decideWhatsAppDelivery({ isTemplate: true, now, lastInboundAt: null, sandbox: null })).toEqual({
      deliver: true,
    });
  });

  it('refuses phones that did not join a sandbox with 63015, even for templates', () => {
    expect(
      decideWhatsAppDelivery({ isTemplate: true, now, lastInboundAt: now, sandbox: { joined: false } }),
    ).toMatchObject({
      errorCode: 63015,
    });
    expect(
      decideWhatsAppDelivery({ isTemplate: false, now, lastInboundAt: now, sandbox: { joined: true } }),
    ).toEqual({ deliver: true });
  });

  it('knows when the window is open', () => {
    expect(isWindowOpen(now - 1000, now)).toBe(true);
    expect(isWindowOpen(null, now)).toBe(false);
  });
});

describe('join codes', () => {
  it('reads "join <code>" case-insensitively', () => {
    expect(parseJoinCode('join happy-dog')).toBe('happy-dog');
    expect(parseJoinCode('  JOIN  Happy-Dog ')).toBe('happy-dog');
    expect(parseJoinCode('hello')).toBeNull();
    expect(parseJoinCode('join')).toBeNull();
  });

  it('normalises registered codes with or without the join word', () => {
    expect(normalizeJoinCode('join Happy-Dog')).toBe('happy-dog');
    expect(normalizeJoinCode('happy-dog')).toBe('happy-dog');
  });
});
