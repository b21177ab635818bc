/**
 * A runnable example of the send contract, as any internal service would use it, against a
 * running stack (`npm start`):
 *
 *   node scripts/build.mjs
 *   WORKSPACE_ID=... PHONE_NUMBER_ID=... MEMBER_ID=... node dist/apps/outbound/src/examples/send-example.js
 *
 * (NATS_URL and NATS_NAMESPACE as the services use them.)
 */
import { randomUUID } from 'node:crypto';
import { GetSendRecord, Send, SendRequested, sendMsgId, type SendRequest } from '@app/contracts';
import { MessagingClient, NatsConnectionService } from '@app/messaging';

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const connection = new NatsConnectionService({
    service: 'send-example',
    natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    namespace: process.env.NATS_NAMESPACE ?? '',
    streamReplicas: 1,
  });
  await connection.connect();
  const messaging = new MessagingClient(connection);
  const base: Omit<SendRequest, 'idempotencyKey'> = {
    workspaceId: env('WORKSPACE_ID'),
    phoneNumberId: env('PHONE_NUMBER_ID'),
    memberId: env('MEMBER_ID'),
    channel: 'sms',
    body: 'Hello from the send example',
    kind: 'system',
    origin: { service: 'send-example', ref: null },
  };
  try {
    // Request-reply: the checks have run when the answer comes ({ id, status, reason }).
    const answer = await messaging.request(Send, { ...base, idempotencyKey: `example:${randomUUID()}` });
    process.stdout.write(`request-reply: ${JSON.stringify(answer)}\n`);

    // Fire-and-forget: durable on JetStream; follow it on outbound.message.updated or ask for the record.
    const key = `example:${randomUUID()}`;
    const request = { ...base, idempotencyKey: key };
    await messaging.publish(SendRequested, request, { msgId: sendMsgId(request) });
    process.stdout.write(`published ${key}\n`);

    const record = await messaging.request(GetSendRecord, {
      workspaceId: base.workspaceId,
      sendId: answer.id,
    });
    process.stdout.write(
      `record: ${JSON.stringify({ status: record.status, reason: record.reason, twilioSid: record.twilioSid })}\n`,
    );
  } finally {
    await connection.onApplicationShutdown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`send example failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
