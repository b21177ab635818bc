import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { SERVICE_CONFIG } from '@app/runtime';
import { createTwilioClient, maskPhone, type TwilioClient } from '@app/twilio';
import type { RoutingConfig } from '../config';

/**
 * The Twilio account's own numbers (IncomingPhoneNumbers): a number is assigned to a workspace only
 * when the account has it. On when routing has TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.
 */
@Injectable()
export class AccountNumbers {
  private readonly logger = new Logger('AccountNumbers');
  private readonly createClient: (() => TwilioClient) | null;
  private client?: TwilioClient;

  constructor(@Inject(SERVICE_CONFIG) config: RoutingConfig) {
    const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken } = config;
    // Made on the first check, not at start: the Twilio SDK is ~25 MB resident, idle otherwise.
    this.createClient =
      accountSid && authToken
        ? () =>
            createTwilioClient({
              accountSid,
              authToken,
              apiBaseUrl: config.TWILIO_API_BASE_URL,
              timeoutMs: 10_000,
            })
        : null;
    if (!this.createClient)
      this.logger.warn(
        'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set: assigned numbers are not checked against the Twilio account.',
      );
  }

  /** Throws rule_violation when the account does not have the number, unavailable when Twilio does not answer. */
  async assertInAccount(number: string): Promise<void> {
    if (!this.createClient) return;
    this.client ??= this.createClient();
    let found: unknown[];
    try {
      found = await this.client.incomingPhoneNumbers.list({ phoneNumber: number, limit: 1 });
    } catch (error) {
      this.logger.warn(
        `Twilio's IncomingPhoneNumbers did not answer for ${maskPhone(number)}: ${String(error)}`,
      );
      throw new AppError(
        'unavailable',
        'number: the Twilio account could not be asked whether it has this number; try again.',
      );
    }
    if (found.length === 0)
      throw new AppError(
        'rule_violation',
        'number: not a number of the Twilio account (its IncomingPhoneNumbers); buy or port it into the account first.',
      );
  }
}
