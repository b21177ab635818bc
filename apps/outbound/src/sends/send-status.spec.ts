import { canMoveTo, fromTwilioStatus, statusesBefore } from './send-status';

describe('send status order', () => {
  it('moves forward along the delivery path', () => {
    expect(canMoveTo('pending', 'queued')).toBe(true);
    expect(canMoveTo('queued', 'sent')).toBe(true);
    expect(canMoveTo('sent', 'delivered')).toBe(true);
    expect(canMoveTo('delivered', 'read')).toBe(true);
    expect(canMoveTo('sent', 'undelivered')).toBe(true);
    expect(canMoveTo('queued', 'failed')).toBe(true);
  });

  it('never moves backwards or out of a final status', () => {
    expect(canMoveTo('delivered', 'sent')).toBe(false);
    expect(canMoveTo('delivered', 'queued')).toBe(false);
    expect(canMoveTo('sent', 'sent')).toBe(false);
    expect(canMoveTo('delivered', 'failed')).toBe(false);
    expect(canMoveTo('failed', 'sent')).toBe(false);
    expect(canMoveTo('skipped', 'queued')).toBe(false);
    expect(canMoveTo('read', 'delivered')).toBe(false);
  });

  it('lets a late delivery win over a failure (WhatsApp reports those)', () => {
    expect(canMoveTo('failed', 'delivered')).toBe(true);
    expect(canMoveTo('undelivered', 'read')).toBe(true);
  });

  it('lists what a status may replace', () => {
    expect(statusesBefore('delivered').sort()).toEqual([
      'failed',
      'pending',
      'queued',
      'sending',
      'sent',
      'undelivered',
    ]);
    expect(statusesBefore('pending')).toEqual([]);
  });

  it("maps Twilio's statuses", () => {
    expect(fromTwilioStatus('accepted')).toBe('queued');
    expect(fromTwilioStatus('canceled')).toBe('failed');
    expect(fromTwilioStatus('received')).toBeNull();
  });
});
