import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import {
  DeliveryStatusReceived,
  GetSendRecord,
  MessageAccepted,
  OutboundMessageUpdated,
  Send,
  type Member,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';
import type { RunningService } from '@app/runtime';
import {
  FakeDirectory,
  NatsTestClient,
  perSuite,
  serviceEnv,
  startEmulatorProcess,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  uniqueNamespace,
  waitFor,
  EmulatorClient,
  type EmulatorProcess,
  type RecordedMessage,
} from '@app/testing';
import { startOutbound } from '../start';

export const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

export type EmulatedMessage = RecordedMessage;

/**
 * Outbound alone, on real Postgres and NATS, with the Twilio emulator as a process. Routing and
 * preferences are played by NATS responders over in-memory records the test sets up; a small
 * HTTP server plays ingress for status callbacks (republished as DeliveryStatusReceived).
 */
export class OutboundHarness {
  /** Routing's GetSender and preferences' CheckSend (and GetMember), with their rules. */
  readonly directory = new FakeDirectory({ number: { sendRatePerSecond: 100 } });

  private constructor(
    readonly nats: NatsTestClient,
    readonly emulator: EmulatorProcess,
    readonly service: RunningService,
    private readonly relay: Server,
  ) {
    this.twilio = new EmulatorClient(emulator.url);
  }

  /** The emulator's control API. */
  private readonly twilio: EmulatorClient;

  static async start(env: Record<string, string> = {}): Promise<OutboundHarness> {
    const namespace = uniqueNamespace();
    const nats = await NatsTestClient.connect(namespace);
    const emulator = await startEmulatorProcess({ EMULATOR_STATUS_DELAY_MS: '5' });
    const relay = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://relay');
        const params = Object.fromEntries(new URLSearchParams(raw));
        res.writeHead(204).end();
        void nats
          .publish(
            DeliveryStatusReceived,
            {
              accountSid: params.AccountSid ?? TEST_ACCOUNT_SID,
              messageSid: params.MessageSid ?? '',
              status: params.MessageStatus as DeliveryStatusReceived['status'],
              errorCode: params.ErrorCode || null,
              errorMessage: params.ErrorMessage || null,
              from: params.From ?? '',
              to: params.To ?? '',
              sendId: url.searchParams.get('sendId'),
              receivedAt: new Date().toISOString(),
              params,
            },
            `${params.MessageSid}:${params.MessageStatus}`,
          )
          .catch(() => undefined);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const address = relay.address();
    const relayUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const service = await startOutbound(
      serviceEnv(namespace, 'outbound', {
        TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
        TWILIO_API_BASE_URL: emulator.url,
        PUBLIC_BASE_URL: relayUrl,
        TWILIO_RETRY_BASE_MS: '20',
        WINDOW_GRACE_MS: '300',
        ...env,
      }),
    );
    const harness = new OutboundHarness(nats, emulator, service, relay);
    harness.directory.answer(nats);
    return harness;
  }

  /**
   * The harness for the tests of one describe block: started before them, stopped after, with
   * every OutboundMessageUpdated it publishes collected in `h.updates`. Use it inside tests.
   */
  static forSuite(env: Record<string, string> = {}): OutboundHarness & { updates: OutboundMessageUpdated[] } {
    return perSuite(
      OutboundHarness,
      async () => {
        const h = await OutboundHarness.start(env);
        return Object.assign(h, { updates: h.nats.collect(OutboundMessageUpdated) });
      },
      (h) => h.stop(),
    );
  }

  async stop(): Promise<void> {
    await this.service.close();
    await this.nats.close();
    await this.emulator.stop();
    await new Promise((resolve) => this.relay.close(resolve));
  }

  workspace(features: WorkspaceSummary['features'] = ['whatsapp']): WorkspaceSummary {
    return this.directory.workspace(features);
  }

  number(workspaceId: string, fields: Partial<PhoneNumber> = {}): PhoneNumber {
    return this.directory.number(workspaceId, fields);
  }

  member(workspaceId: string, fields: Partial<Member> = {}): Member {
    return this.directory.member(workspaceId, fields);
  }

  /** A new workspace (WhatsApp on) with a number and a member of `memberFields`: where most sends start. */
  workspaceWithMember(memberFields: Partial<Member> = {}): {
    ws: WorkspaceSummary;
    n: PhoneNumber;
    m: Member;
  } {
    const ws = this.workspace();
    return { ws, n: this.number(ws.id), m: this.member(ws.id, memberFields) };
  }

  /**
   * The member wrote in on WhatsApp at `at`: Twilio (the emulator) knows it, and outbound's window
   * projection sees routing's accepted event. `twilioToo: false` leaves Twilio's window as it was.
   */
  async memberWrote(
    number: PhoneNumber,
    member: Member,
    at = new Date(),
    options: { twilioToo?: boolean } = {},
  ): Promise<void> {
    if (options.twilioToo !== false)
      await this.control('/emulator/window', {
        number: number.number,
        phone: member.phone,
        lastInboundAt: at.getTime(),
      });
    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    const workspace = this.directory.workspaces.get(number.workspaceId)!;
    await this.nats.publish(
      MessageAccepted,
      {
        twilioSid: sid,
        workspace,
        phoneNumber: number,
        member,
        channel: 'whatsapp',
        from: member.phone!,
        to: number.number,
        body: 'hello',
        media: [],
        keyword: null,
        memberOptedOut: false,
        offHours: false,
        receivedAt: at.toISOString(),
      },
      sid,
    );
  }

  request(number: PhoneNumber, fields: Partial<SendRequest> & Pick<SendRequest, 'channel'>): SendRequest {
    return {
      idempotencyKey: `test:${randomUUID()}`,
      workspaceId: number.workspaceId,
      phoneNumberId: number.id,
      kind: 'system',
      origin: { service: 'test', ref: null },
      ...(fields.contentSid ? {} : { body: 'Hello from the test' }),
      ...fields,
    };
  }

  send(request: SendRequest) {
    return this.nats.request(Send, request, 10_000);
  }

  record(workspaceId: string, sendId: string) {
    return this.nats.request(GetSendRecord, { workspaceId, sendId });
  }

  async waitForStatus(workspaceId: string, sendId: string, status: string, timeoutMs = 15_000) {
    return waitFor(
      async () => {
        const r = await this.record(workspaceId, sendId);
        return r.status === status ? r : undefined;
      },
      { message: `send ${sendId} to be ${status}`, timeoutMs },
    );
  }

  sentTo(phone: string): Promise<EmulatedMessage[]> {
    return this.twilio.messages({ to: phone });
  }

  sentFrom(number: string): Promise<EmulatedMessage[]> {
    return this.twilio.messages({ from: number });
  }

  /** The phone WhatsApps the number, as Twilio sees it (its window, a sandbox join); no webhook hears it. */
  async phoneWrote(number: PhoneNumber, phone: string, body: string): Promise<void> {
    // Port 9 (discard) answers nothing: Twilio's side is recorded before the webhook is tried.
    await this.twilio.inbound({
      from: phone,
      to: number.number,
      body,
      channel: 'whatsapp',
      webhookUrl: 'http://127.0.0.1:9/twilio/messaging',
    });
  }

  control(path: string, body: unknown): Promise<void> {
    return this.twilio.control(path, body);
  }

  typingShown(messageSid: string) {
    return this.twilio.typing(messageSid);
  }

  rate(from: string): Promise<{ count: number; maxInAnySecond: number }> {
    return this.twilio.rate(from);
  }
}
