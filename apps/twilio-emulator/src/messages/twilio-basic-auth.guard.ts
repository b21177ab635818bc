import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TwilioApiError } from '../common/twilio-api.error';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';

/**
 * Twilio's REST authentication: HTTP Basic with the account SID and auth token (401, code 20003,
 * otherwise), and the account in the path must be that account (404, code 20404).
 */
@Injectable()
export class TwilioBasicAuthGuard implements CanActivate {
  private readonly expected: string;

  constructor(@Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig) {
    this.expected = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest<{ Params: { accountSid?: string } }>>();
    const header = request.headers.authorization;
    if (header !== this.expected) {
      http.getResponse<FastifyReply>().header('www-authenticate', 'Basic realm="Twilio API"');
      throw new TwilioApiError(
        401,
        20003,
        header ? this.describeMismatch(header) : 'Authentication Error - No credentials provided',
      );
    }
    const accountSid = request.params.accountSid;
    if (accountSid !== undefined && accountSid !== this.config.accountSid) {
      throw new TwilioApiError(
        404,
        20404,
        `The requested resource ${request.url.split('?')[0]} was not found`,
      );
    }
    return true;
  }

  private describeMismatch(header: string): string {
    const [scheme, encoded = ''] = header.split(' ');
    if (scheme?.toLowerCase() !== 'basic') return 'Authentication Error - No credentials provided';
    const user = Buffer.from(encoded, 'base64').toString('utf8').split(':')[0];
    return user === this.config.accountSid
      ? 'Authentication Error - invalid password'
      : 'Authentication Error - invalid username';
  }
}
