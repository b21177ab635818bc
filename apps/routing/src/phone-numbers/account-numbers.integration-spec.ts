import { CreatePhoneNumber, CreateWorkspace } from '@app/contracts';
import type { RunningService } from '@app/runtime';
import {
  EmulatorClient,
  NatsTestClient,
  randomPhone,
  serviceEnv,
  startEmulatorProcess,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  uniqueNamespace,
  type EmulatorProcess,
} from '@app/testing';
import { startRouting } from '../start';

describe("routing: a number is assigned only when the Twilio account has it (the emulator's IncomingPhoneNumbers)", () => {
  const ns = uniqueNamespace();
  let nats: NatsTestClient;
  let emulator: EmulatorProcess;
  let routing: RunningService;

  beforeAll(async () => {
    nats = await NatsTestClient.connect(ns);
    emulator = await startEmulatorProcess();
    routing = await startRouting(
      serviceEnv(ns, 'routing', {
        TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
        TWILIO_API_BASE_URL: emulator.url,
      }),
    );
  });
  afterAll(async () => {
    await routing?.close();
    await emulator?.stop();
    await nats?.close();
  });

  it('refuses a number the account does not have, and assigns it once the account has it', async () => {
    const ws = await nats.request(CreateWorkspace, { name: 'Account check' });
    const number = randomPhone();
    await expect(nats.request(CreatePhoneNumber, { workspaceId: ws.id, number })).rejects.toMatchObject({
      code: 'rule_violation',
      message: expect.stringMatching(/^number: not a number of the Twilio account/),
    });
    await new EmulatorClient(emulator.url).control('/emulator/numbers', { number });
    expect(await nats.request(CreatePhoneNumber, { workspaceId: ws.id, number })).toMatchObject({
      workspaceId: ws.id,
      number,
    });
  });
});
