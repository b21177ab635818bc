import { Inject, Injectable } from '@nestjs/common';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import { newSid, rfc2822 } from '../common/twilio-format';

export interface IncomingNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  createdAt: number;
}

/** The account's phone numbers (Twilio's IncomingPhoneNumbers), set through the control API. */
@Injectable()
export class IncomingNumbers {
  private readonly numbers = new Map<string, IncomingNumber>();

  constructor(@Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig) {}

  /** Adds a number to the account (again: unchanged). */
  add(phoneNumber: string, friendlyName?: string): IncomingNumber {
    const existing = this.numbers.get(phoneNumber);
    if (existing) return existing;
    const number = {
      sid: newSid('PN'),
      phoneNumber,
      friendlyName: friendlyName ?? phoneNumber,
      createdAt: Date.now(),
    };
    this.numbers.set(phoneNumber, number);
    return number;
  }

  remove(phoneNumber: string): boolean {
    return this.numbers.delete(phoneNumber);
  }

  /** Oldest first, optionally only the one with this exact `PhoneNumber` (Twilio's filter). */
  list(phoneNumber?: string): IncomingNumber[] {
    const all = [...this.numbers.values()];
    return phoneNumber === undefined ? all : all.filter((n) => n.phoneNumber === phoneNumber);
  }

  reset(): void {
    this.numbers.clear();
  }

  /** One number in Twilio's JSON shape. */
  toResource(number: IncomingNumber): Record<string, unknown> {
    const accountSid = this.config.accountSid;
    const date = rfc2822(number.createdAt);
    return {
      account_sid: accountSid,
      address_requirements: 'none',
      api_version: '2010-04-01',
      beta: false,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      date_created: date,
      date_updated: date,
      friendly_name: number.friendlyName,
      origin: 'twilio',
      phone_number: number.phoneNumber,
      sid: number.sid,
      sms_application_sid: '',
      sms_fallback_method: 'POST',
      sms_fallback_url: '',
      sms_method: 'POST',
      sms_url: '',
      status: 'in-use',
      status_callback: '',
      status_callback_method: 'POST',
      uri: `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers/${number.sid}.json`,
      voice_method: 'POST',
      voice_url: '',
    };
  }
}
