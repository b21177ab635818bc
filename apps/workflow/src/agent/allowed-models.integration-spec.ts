import { randomUUID } from 'node:crypto';
import {
  AppError,
  ChatTurnReady,
  CreateWorkflow,
  UpdateWorkflow,
  type WorkspaceSummary,
} from '@app/contracts';
import type { RunningService } from '@app/runtime';
import { NatsTestClient, ScriptedLlm, serviceEnv, uniqueNamespace, waitFor } from '@app/testing';
import { EngineNeighbours } from '../engine/testing/fake-neighbours';
import { startWorkflow } from '../start';
import { FALLBACK_REPLY } from './agent-runner';

const ns = uniqueNamespace();
let llm: ScriptedLlm;
let nats: NatsTestClient;
let fake: EngineNeighbours;
let service: RunningService;
const env = (extra: Record<string, string> = {}) =>
  serviceEnv(ns, 'workflow', {
    LLM_MODEL: 'scripted',
    LLM_TIMEOUT_MS: '2000',
    AGENT_TIMEOUT_MS: '8000',
    ...extra,
  });

const agent = (instructions: string, model?: string) => [
  { agent: { instructions, abilities: [], ...(model ? { model } : {}) } },
];
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the definition to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    },
  );

/** A workflow saved before the operator narrowed the list: it names a model no longer allowed. */
let savedEarlier: { workspace: WorkspaceSummary; workflowId: string };

beforeAll(async () => {
  llm = await ScriptedLlm.start();
  nats = await NatsTestClient.connect(ns);
  fake = EngineNeighbours.start(nats);
  const permissive = await startWorkflow(env({ LLM_BASE_URL: llm.baseUrl }));
  const workspace = fake.workspace();
  const workflow = await nats.request(CreateWorkflow, {
    workspaceId: workspace.id,
    name: 'Old',
    definition: agent('retired-model-test.', 'big'),
  });
  savedEarlier = { workspace, workflowId: workflow.id };
  await permissive.close();
  service = await startWorkflow(env({ LLM_BASE_URL: llm.baseUrl, LLM_ALLOWED_MODELS: 'scripted, small' }));
});

afterAll(async () => {
  await service?.close();
  await nats?.close();
  await llm?.stop();
});

describe('LLM_ALLOWED_MODELS', () => {
  it('refuses to save a definition naming another model (422, naming the model), create and update', async () => {
    const workspaceId = randomUUID();
    const created = await refusal(
      nats.request(CreateWorkflow, {
        workspaceId,
        name: 'Bad',
        definition: [{ if: 'true', then: agent('x', 'gpt-5') }],
      }),
    );
    expect(created.code).toBe('rule_violation');
    expect(created.message).toBe(
      'definition is not valid: steps[0].then[0].agent.model: model "gpt-5" is not allowed (allowed: scripted, small)',
    );
    const good = await nats.request(CreateWorkflow, {
      workspaceId,
      name: 'Good',
      definition: agent('x', 'small'),
    });
    const updated = await refusal(
      nats.request(UpdateWorkflow, {
        workspaceId,
        workflowId: good.id,
        name: 'Good',
        definition: agent('x', 'gpt-5'),
      }),
    );
    expect(updated.code).toBe('rule_violation');
    expect(updated.message).toMatch(/model "gpt-5" is not allowed/);
  });

  it('runs an allowed model, and sends the fallback without calling one no longer allowed', async () => {
    const workspace = fake.workspace();
    const allowed = await nats.request(CreateWorkflow, {
      workspaceId: workspace.id,
      name: 'Allowed',
      definition: agent('allowed-model-test.', 'small'),
    });
    const turn = async (ws: WorkspaceSummary, workflowId: string) => {
      const c = {
        workspace: ws,
        phoneNumber: fake.number(ws.id, { defaultWorkflowId: workflowId }),
        member: fake.member(ws.id),
        channel: 'whatsapp' as const,
        chatId: randomUUID(),
      };
      const event = fake.inbound(c, 'hello');
      await nats.publish(ChatTurnReady, event, `turn:${event.twilioSid}`);
      const [reply] = await waitFor(
        () => (fake.repliesTo(c.chatId).length ? fake.repliesTo(c.chatId) : null),
        {
          message: `a reply in chat ${c.chatId}`,
        },
      );
      return reply;
    };

    llm.script({ text: 'Allowed answer.' });
    expect((await turn(workspace, allowed.id)).body).toBe('Allowed answer.');
    expect(llm.requestsWith('allowed-model-test').map((r) => r.model)).toEqual(['small']);

    expect((await turn(savedEarlier.workspace, savedEarlier.workflowId)).body).toBe(FALLBACK_REPLY);
    expect(llm.requestsWith('retired-model-test')).toEqual([]);
  });
});
