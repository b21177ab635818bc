import { ConversationWindows } from './conversation-windows.service';
import { SandboxRegistry } from './sandbox-registry.service';
import { WhatsAppRules } from './whatsapp-rules.service';
import { WINDOW_MS } from './whatsapp-rules';

describe('WhatsAppRules', () => {
  const number = '+15550000100';
  const phone = '+15550000001';
  const now = Date.UTC(2024, 5, 1);
  let windows: ConversationWindows;
  let sandboxes: SandboxRegistry;
  let rules: WhatsAppRules;

  beforeEach(() => {
    windows = new ConversationWindows();
    sandboxes = new SandboxRegistry();
    rules = new WhatsAppRules(windows, sandboxes);
  });

  it('opens the window per number and phone on inbound', () => {
    rules.recordInbound(`whatsapp:${number}`, `whatsapp:${phone}`, 'hi', now - 1000);
    expect(rules.decide({ fromPhone: number, toPhone: phone, isTemplate: false, now })).toEqual({
      deliver: true,
    });
    expect(rules.decide({ fromPhone: '+15550000200', toPhone: phone, isTemplate: false, now })).toMatchObject(
      { errorCode: 63016 },
    );
    windows.record(number, phone, now - WINDOW_MS - 1);
    expect(rules.decide({ fromPhone: number, toPhone: phone, isTemplate: false, now })).toMatchObject({
      errorCode: 63016,
    });
  });

  it('joins a sandbox only with the right code, and the join refreshes the window', () => {
    sandboxes.register(number, 'join Happy-Dog');
    expect(rules.decide({ fromPhone: number, toPhone: phone, isTemplate: true, now })).toMatchObject({
      errorCode: 63015,
    });
    expect(rules.recordInbound(number, phone, 'join wrong-code', now - 10)).toEqual({ joinedSandbox: false });
    expect(rules.decide({ fromPhone: number, toPhone: phone, isTemplate: true, now })).toMatchObject({
      errorCode: 63015,
    });
    expect(rules.recordInbound(number, phone, 'join happy-dog', now)).toEqual({ joinedSandbox: true });
    expect(rules.decide({ fromPhone: number, toPhone: phone, isTemplate: false, now })).toEqual({
      deliver: true,
    });
  });

  it('forgets joined phones when the join code changes', () => {
    sandboxes.register(number, 'a-b');
    rules.recordInbound(number, phone, 'join a-b', now);
    sandboxes.register(number, 'a-b');
    expect(sandboxes.membership(number, phone)).toEqual({ joined: true });
    sandboxes.register(number, 'c-d');
    expect(sandboxes.membership(number, phone)).toEqual({ joined: false });
  });
});
