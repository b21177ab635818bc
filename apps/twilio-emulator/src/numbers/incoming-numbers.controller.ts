import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { TwilioApiError } from '../common/twilio-api.error';
import { formValue, type FormFields } from '../common/twilio-format';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { IncomingNumbers } from './incoming-numbers.service';

/** Twilio's IncomingPhoneNumbers list (2010-04-01): the numbers the account owns. */
@Controller('2010-04-01/Accounts/:accountSid')
@UseGuards(TwilioBasicAuthGuard)
export class IncomingNumbersController {
  constructor(private readonly numbers: IncomingNumbers) {}

  @Get('IncomingPhoneNumbers.json')
  list(@Param('accountSid') accountSid: string, @Query() query: FormFields) {
    const pageSize = Number(formValue(query, 'PageSize') ?? 50);
    const page = Number(formValue(query, 'Page') ?? 0);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000 || !Number.isInteger(page) || page < 0)
      throw new TwilioApiError(400, 20001, 'Invalid PageSize or Page');
    const phoneNumber = formValue(query, 'PhoneNumber');
    const all = this.numbers.list(phoneNumber);
    const items = all.slice(page * pageSize, (page + 1) * pageSize);
    const base = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
    const uri = (p: number) =>
      `${base}?${phoneNumber ? `PhoneNumber=${encodeURIComponent(phoneNumber)}&` : ''}PageSize=${pageSize}&Page=${p}`;
    const more = (page + 1) * pageSize < all.length;
    return {
      end: page * pageSize + Math.max(items.length - 1, 0),
      first_page_uri: uri(0),
      incoming_phone_numbers: items.map((n) => this.numbers.toResource(n)),
      next_page_uri: more ? uri(page + 1) : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? uri(page - 1) : null,
      start: page * pageSize,
      uri: uri(page),
    };
  }
}
