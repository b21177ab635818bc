import { DEFAULT_SWITCHES, switchChanges } from './member-switches';

describe('member switches', () => {
  it('default to SMS, email and voice on and WhatsApp off', () => {
    expect(DEFAULT_SWITCHES).toEqual({
      notifySms: true,
      notifyEmail: true,
      notifyVoice: true,
      notifyWhatsapp: false,
    });
  });

  it('report only the switches a patch really changes', () => {
    const current = { ...DEFAULT_SWITCHES };
    expect(switchChanges(current, { notifySms: true, notifyWhatsapp: true, notifyEmail: false })).toEqual([
      { field: 'notifyEmail', oldValue: true, newValue: false },
      { field: 'notifyWhatsapp', oldValue: false, newValue: true },
    ]);
    expect(switchChanges(current, {})).toEqual([]);
  });
});
