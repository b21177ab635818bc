import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FileMediaStore } from '@app/media';
import { aMember, aPhoneNumber } from '@app/testing';
import { AbilityRegistry } from '../abilities/ability-registry';
import type { AgentOptions } from '../agent/agent-options';
import type { TypingIndicator } from '../agent/typing-indicator';
import { AgentRunner, FALLBACK_REPLY } from '../agent/agent-runner';
import { ChatModel } from '../agent/chat-model';
import type { Step } from '../definitions/steps';
import type { MemberReachability } from './member-reachability';
import type { ReplySender } from './reply-sender';
import { RunTurn } from './run-turn.usecase';
import type { Turn, TurnState } from '../turn/turn';

const noModel: AgentOptions = {
  baseUrl: null,
  apiKey: null,
  model: 'm',
  timeoutMs: 1000,
  maxSteps: 3,
  allowedModels: [],
  totalTimeoutMs: 5000,
  media: {
    MEDIA_STORE: 'file',
    MEDIA_DIR: 'tmp/media',
    MEDIA_S3_BUCKET: 'media',
    MEDIA_S3_REGION: 'us-east-1',
    MEDIA_S3_ACCESS_KEY_ID: '',
    MEDIA_S3_SECRET_ACCESS_KEY: '',
  },
};

function harness(reachable = () => true) {
  const sent: string[] = [];
  const checks: string[] = [];
  const replies = {
    send: (_t: Turn, state: TurnState, text: string) => (
      state.said.push(text),
      sent.push(text),
      Promise.resolve()
    ),
  } as unknown as ReplySender;
  const reachability = {
    check: (t: Turn) => (
      checks.push(t.sendKind),
      Promise.resolve(reachable() ? { allowed: true } : { allowed: false, reason: 'opted out' })
    ),
  } as unknown as MemberReachability;
  const agent = new AgentRunner(
    new ChatModel(noModel),
    new AbilityRegistry([]),
    noModel,
    new FileMediaStore(noModel.media.MEDIA_DIR),
    { forTurn: () => () => undefined } as unknown as TypingIndicator,
  );
  return { sent, checks, runTurn: new RunTurn(agent, replies, reachability) };
}

const turn = (channel: 'sms' | 'whatsapp', body = 'hello'): Turn => {
  const workspaceId = randomUUID();
  return {
    leadKey: 'SM1',
    workspace: { id: workspaceId, name: 'Acme', features: [] },
    phoneNumber: aPhoneNumber(workspaceId, { number: '+15550000001' }),
    member: aMember(workspaceId, { firstName: null, phone: '+15550000002' }),
    channel,
    chatId: randomUUID(),
    workflowId: randomUUID(),
    version: 1,
    sendKind: 'reply',
    inputs: [{ key: 'SM1', body, media: [] }],
    history: [],
  };
};

describe('RunTurn', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('runs reply and if steps without any model configured', async () => {
    const { sent, runTurn } = harness();
    const steps: Step[] = [
      { reply: 'Hi{{#if member.first_name}} {{member.first_name}}{{/if}}, this is {{brand.name}}.' },
      {
        if: 'message.body.contains("price")',
        then: [{ reply: 'Prices: see our site.' }],
        else: [{ reply: 'How can we help?' }],
      },
    ];
    const { outcome } = await runTurn.execute(turn('sms', 'hello'), steps);
    expect(outcome).toBe('answered');
    expect(sent).toEqual(['Hi, this is Acme.', 'How can we help?']);
  });

  it('sends the fallback for an agent step when no model is configured', async () => {
    const { sent, runTurn } = harness();
    const { outcome } = await runTurn.execute(turn('whatsapp'), [
      { agent: { instructions: 'Help.', abilities: [] } },
    ]);
    expect(outcome).toBe('fallback');
    expect(sent).toEqual([FALLBACK_REPLY]);
  });

  it('stops, sending nothing more, once the member may no longer be messaged after a model call', async () => {
    let allowed = true;
    const { sent, checks, runTurn } = harness(() => allowed);
    const steps: Step[] = [
      { reply: 'one' },
      { agent: { instructions: 'Help.', abilities: [] } },
      { if: 'true', then: [{ reply: 'two' }] },
    ];
    allowed = false;
    const { outcome } = await runTurn.execute(turn('sms'), steps);
    expect(outcome).toBe('stopped');
    // Before the model call nothing changed since routing's check; after it, preferences is asked.
    expect(sent).toEqual(['one']);
    expect(checks).toEqual(['reply']);
  });

  it("asks preferences before a system turn's first send (no routing check came before it)", async () => {
    const { sent, checks, runTurn } = harness(() => false);
    const { outcome } = await runTurn.execute({ ...turn('sms'), sendKind: 'system' }, [{ reply: 'one' }]);
    expect(outcome).toBe('stopped');
    expect(sent).toEqual([]);
    expect(checks).toEqual(['system']);
  });

  it('takes the else branch when a condition fails at run time', async () => {
    const { sent, runTurn } = harness();
    await runTurn.execute(turn('sms', 'abc'), [
      { if: 'int(message.body) > 3', then: [{ reply: 'big' }], else: [{ reply: 'other' }] },
    ]);
    expect(sent).toEqual(['other']);
  });
});
