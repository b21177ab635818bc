import { HttpException } from '@nestjs/common';
import { twilioErrorBody } from '@app/twilio';

/** An error answered with Twilio's REST error JSON: `{ code, message, more_info, status }`. */
export class TwilioApiError extends HttpException {
  constructor(status: number, code: number, message?: string) {
    super(twilioErrorBody(status, code, message), status);
  }
}
