/** Auth tokens of the Twilio accounts whose webhooks ingress accepts, by account SID. */
export class TwilioAccounts {
  private readonly tokens: ReadonlyMap<string, string>;

  constructor(entries: Iterable<readonly [string, string]>) {
    this.tokens = new Map(entries);
  }

  /** The main account plus `sid:token,sid:token` extras (subaccounts posting to the same URL). */
  static fromConfig(config: {
    TWILIO_ACCOUNT_SID: string;
    TWILIO_AUTH_TOKEN: string;
    TWILIO_EXTRA_ACCOUNTS?: string;
  }): TwilioAccounts {
    const entries: Array<[string, string]> = [[config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN]];
    for (const pair of (config.TWILIO_EXTRA_ACCOUNTS ?? '').split(',')) {
      const trimmed = pair.trim();
      if (!trimmed) continue;
      const colon = trimmed.indexOf(':');
      entries.push([trimmed.slice(0, colon), trimmed.slice(colon + 1)]);
    }
    return new TwilioAccounts(entries);
  }

  tokenFor(accountSid: string | undefined): string | undefined {
    return accountSid ? this.tokens.get(accountSid) : undefined;
  }

  get size(): number {
    return this.tokens.size;
  }
}
