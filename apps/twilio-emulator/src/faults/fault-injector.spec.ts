import { defaultFaultCode, FaultInjector } from './fault-injector.service';
import { OutcomeOverrides } from './outcome-overrides.service';

describe('FaultInjector', () => {
  it('fails the next N creations, then lets them through', () => {
    const faults = new FaultInjector();
    faults.add({ status: 429, times: 2 });
    expect(faults.take('+15551234567')).toMatchObject({
      status: 429,
      code: 20429,
      message: 'Too many requests',
    });
    expect(faults.take('+15551234567')).toMatchObject({ status: 429 });
    expect(faults.take('+15551234567')).toBeUndefined();
  });

  it('limits a fault to one recipient, whatever the channel prefix', () => {
    const faults = new FaultInjector();
    faults.add({ status: 500, times: 1, to: 'whatsapp:+15550000001', message: 'boom' });
    expect(faults.take('+15550000002')).toBeUndefined();
    expect(faults.take('+15550000001')).toMatchObject({ status: 500, code: 20500, message: 'boom' });
    expect(faults.pending()).toHaveLength(0);
  });

  it('picks default codes per status', () => {
    expect(defaultFaultCode(429)).toBe(20429);
    expect(defaultFaultCode(503)).toBe(20503);
    expect(defaultFaultCode(502)).toBe(20500);
    expect(defaultFaultCode(401)).toBe(20003);
  });

  it('forgets everything on reset', () => {
    const faults = new FaultInjector();
    faults.add({ status: 429, times: 5 });
    faults.reset();
    expect(faults.take(undefined)).toBeUndefined();
  });
});

describe('OutcomeOverrides', () => {
  it('hands out forced outcomes one per message, in order, per recipient', () => {
    const outcomes = new OutcomeOverrides();
    outcomes.add({ to: 'whatsapp:+15550000001', status: 'failed', errorCode: 63024 });
    outcomes.add({ to: '+15550000001', status: 'undelivered', errorCode: 30003, errorMessage: 'off' });
    expect(outcomes.take('+15550000002')).toBeUndefined();
    expect(outcomes.take('+15550000001')).toEqual({
      status: 'failed',
      errorCode: 63024,
      errorMessage: 'Invalid message recipient',
    });
    expect(outcomes.take('+15550000001')).toEqual({
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'off',
    });
    expect(outcomes.take('+15550000001')).toBeUndefined();
  });
});
