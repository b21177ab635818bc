import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CHAT_ACTIVITY_TYPES } from '@app/contracts';
import { useSession, useWorkspaceKey } from '../auth/session';
import { applyStreamEvent, type StreamEvent } from './chat-cache';

/** `live`: events arrive; `connecting`: (re)connecting, what shows may be behind. */
export type StreamState = 'connecting' | 'live';

const RETRY_MS = [1_000, 3_000, 10_000, 30_000];

/**
 * The workspace's live stream (GET /v1/stream) applied to the chat caches while mounted. The
 * browser's EventSource reconnects by itself and sends Last-Event-ID, so the api replays what was
 * missed; when it gives up (an error status), a new one starts after a pause from the last event
 * id seen. A `resync` event (missed too much) refetches every chat query.
 */
export function useChatStream(): StreamState {
  const { workspace } = useSession();
  const key = useWorkspaceKey();
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const lastId = useRef<string | null>(null);
  const workspaceId = workspace?.id;

  useEffect(() => {
    if (!workspaceId || typeof EventSource === 'undefined') return;
    lastId.current = null;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const refetchAll = () => void client.invalidateQueries({ queryKey: key('chats') });

    const connect = () => {
      const query = new URLSearchParams({ workspaceId });
      if (lastId.current) query.set('lastEventId', lastId.current);
      const es = new EventSource(`/v1/stream?${query}`, { withCredentials: true });
      source = es;
      es.onopen = () => {
        // A fresh stream (not a resumed one) may have missed what happened before it opened.
        if (failures > 0 && !lastId.current) refetchAll();
        failures = 0;
        setState('live');
      };
      es.onerror = () => {
        setState('connecting');
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        es.close();
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures += 1;
        timer = setTimeout(connect, wait);
      };
      const onEvent = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId.current = message.lastEventId;
        try {
          applyStreamEvent(client, key, JSON.parse(message.data) as StreamEvent);
        } catch {
          refetchAll();
        }
      };
      for (const type of CHAT_ACTIVITY_TYPES) es.addEventListener(type, onEvent);
      es.addEventListener('resync', refetchAll);
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      setState('connecting');
    };
  }, [workspaceId, client, key]);

  return state;
}
