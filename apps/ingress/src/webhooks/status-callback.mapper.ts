import { TwilioMessageStatus, type DeliveryStatusReceived } from '@app/contracts';
import { field, flatParams, requiredField, type FormFields } from './form-fields';
import type { Mapped } from './inbound-message.mapper';

/** Twilio's status callback parameters (and our `?sendId=`) as a `DeliveryStatusReceived` event. */
export function toDeliveryStatus(
  form: FormFields,
  accountSid: string,
  sendId: string | undefined,
  receivedAt: string,
): Mapped<DeliveryStatusReceived> {
  const messageSid = requiredField(form, 'MessageSid');
  const rawStatus = requiredField(form, 'MessageStatus') ?? requiredField(form, 'SmsStatus');
  if (!messageSid || !rawStatus) {
    const missing = [!messageSid && 'MessageSid', !rawStatus && 'MessageStatus'].filter(Boolean).join(', ');
    return { ok: false, message: `Missing status callback parameter(s): ${missing}.` };
  }
  const status = TwilioMessageStatus.safeParse(rawStatus);
  if (!status.success) return { ok: false, message: `Unknown MessageStatus "${rawStatus.slice(0, 40)}".` };
  return {
    ok: true,
    event: {
      accountSid,
      messageSid,
      status: status.data,
      errorCode: field(form, 'ErrorCode') || null,
      errorMessage: field(form, 'ErrorMessage') || null,
      from: field(form, 'From') ?? '',
      to: field(form, 'To') ?? '',
      sendId: sendId || null,
      receivedAt,
      params: flatParams(form),
    },
  };
}
