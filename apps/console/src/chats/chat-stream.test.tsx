import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { aChat } from '../test/fixtures';
import type { SessionUser } from '../auth/session-api';
import { useChatStream } from './chat-stream';

/**
 * jsdom has no EventSource: this one plays the browser's, so the hook's own logic (which events
 * it applies, how it starts again after the browser gives up, what a resync does) is what runs.
 */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, Array<(e: MessageEvent) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown, id?: string) {
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id ?? '' });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** The browser gave up (an error status): it will not reconnect by itself. */
  fail() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
}

const user: SessionUser = {
  id: '2b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  email: 'sam@sunrise.example',
  role: 'member',
  workspaces: [{ id: 'w1', name: 'Sunrise Dental' }],
};

const chat = aChat();

describe('useChatStream', () => {
  let client: QueryClient;
  beforeEach(() => {
    FakeEventSource.all = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.localStorage.clear();
    client = new QueryClient();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <SessionProvider user={user}>{children}</SessionProvider>
    </QueryClientProvider>
  );

  it("opens the workspace's stream, applies its events, and says when it is live", async () => {
    const { result } = renderHook(() => useChatStream(), { wrapper });
    expect(FakeEventSource.all).toHaveLength(1);
    const es = FakeEventSource.all[0];
    expect(es.url).toBe('/v1/stream?workspaceId=w1');
    expect(result.current).toBe('connecting');
    act(() => es.open());
    expect(result.current).toBe('live');
    act(() =>
      es.emit(
        'chat.taken_over',
        { type: 'chat.taken_over', chat: { ...chat, unreadCount: 2 }, message: null, at: '' },
        '7',
      ),
    );
    expect(client.getQueryData(['ws', 'w1', 'chats', 'c1'])).toMatchObject({ unreadCount: 2 });
  });

  it('after the browser gives up, starts again from the last event id, after a pause', async () => {
    const { result } = renderHook(() => useChatStream(), { wrapper });
    const first = FakeEventSource.all[0];
    act(() => first.open());
    act(() => first.emit('chat.read', { type: 'chat.read', chat, message: null, at: '' }, '41'));
    act(() => first.fail());
    expect(result.current).toBe('connecting');
    expect(FakeEventSource.all).toHaveLength(1);
    await act(async () => void vi.advanceTimersByTime(1_100));
    expect(FakeEventSource.all).toHaveLength(2);
    expect(FakeEventSource.all[1].url).toBe('/v1/stream?workspaceId=w1&lastEventId=41');
    act(() => FakeEventSource.all[1].open());
    expect(result.current).toBe('live');
  });

  it('a resync hint refetches the chats', async () => {
    client.setQueryData(['ws', 'w1', 'chats', 'c1'], chat);
    renderHook(() => useChatStream(), { wrapper });
    const es = FakeEventSource.all[0];
    act(() => es.open());
    expect(client.getQueryState(['ws', 'w1', 'chats', 'c1'])?.isInvalidated).toBe(false);
    act(() => es.emit('resync', { reason: 'slow_client' }));
    await waitFor(() => expect(client.getQueryState(['ws', 'w1', 'chats', 'c1'])?.isInvalidated).toBe(true));
  });

  it('closes the stream when the inbox closes', () => {
    const { unmount } = renderHook(() => useChatStream(), { wrapper });
    unmount();
    expect(FakeEventSource.all[0].readyState).toBe(FakeEventSource.CLOSED);
  });
});
