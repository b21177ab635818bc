import type { ChatMessage } from '@app/contracts';
import { estimateTokens, recentHistory } from './conversation-messages';

let n = 0;
const message = (direction: 'inbound' | 'outbound', body: string, status = 'delivered'): ChatMessage => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  chatId: '00000000-0000-4000-8000-000000000000',
  direction,
  body,
  contentSid: null,
  media: [],
  status: (direction === 'inbound' ? 'received' : status) as ChatMessage['status'],
  errorCode: null,
  errorReason: null,
  twilioSid: null,
  sendId: null,
  createdAt: new Date(1_700_000_000_000 + n).toISOString(),
});

describe('recentHistory', () => {
  it('shows a template an action sent (no body of ours) as sent, and leaves out one that never arrived', () => {
    const template = { ...message('outbound', ''), body: null, contentSid: `HX${'a'.repeat(32)}` };
    const failed = { ...template, status: 'undelivered' as const };
    const kept = recentHistory({
      history: [template, failed, message('inbound', 'can we do Friday?')],
      inputs: [],
    });
    expect(kept).toEqual([
      { role: 'assistant', content: `[WhatsApp template HX${'a'.repeat(32)} sent]` },
      { role: 'user', content: 'can we do Friday?' },
    ]);
  });

  const history = Array.from({ length: 80 }, (_, i) => message(i % 2 ? 'outbound' : 'inbound', `m${i + 1}`));
  const input = { key: 'k', body: 'now?', media: [] };

  it('keeps the newest 50 by default, in order', () => {
    const kept = recentHistory({ history, inputs: [input] });
    expect(kept).toHaveLength(50);
    expect(kept[0].content).toBe('m31');
    expect(kept[49].content).toBe('m80');
  });

  it('keeps the newest N a step asks for', () => {
    expect(recentHistory({ history, inputs: [input] }, { messages: 3 }).map((e) => e.content)).toEqual([
      'm78',
      'm79',
      'm80',
    ]);
  });

  it('trims the oldest first to fit the token budget, counting what is answered first', () => {
    const long = 'x'.repeat(400); // 104 tokens each by the estimate
    const big = [
      message('inbound', `a${long}`),
      message('outbound', `b${long}`),
      message('inbound', `c${long}`),
    ];
    const budget = estimateTokens('now?') + 2 * estimateTokens(`a${long}`);
    const kept = recentHistory({ history: big, inputs: [input] }, { tokens: budget });
    expect(kept.map((e) => e.content[0])).toEqual(['b', 'c']);
  });

  it('leaves out what never reached the member', () => {
    const kept = recentHistory({
      history: [message('inbound', 'hi'), message('outbound', 'lost', 'failed'), message('outbound', 'ok')],
      inputs: [],
    });
    expect(kept).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'ok' },
    ]);
  });
});
