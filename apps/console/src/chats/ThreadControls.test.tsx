import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { Chat, ChatMessage } from '../api/types';
import { aChat } from '../test/fixtures';
import { renderWithTheme } from '../test/render';
import { MessageBubble } from './MessageBubble';
import { ThreadControls } from './ThreadControls';

const ME = 'user:2b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

const chat = aChat({
  id: '0b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  workspaceId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  phoneNumberId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  memberId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
  channel: 'whatsapp',
  lastMessageAt: '2026-03-02T09:15:00.000Z',
  createdAt: '2026-03-02T09:14:00.000Z',
});
const heldByMe: Chat = { ...chat, heldBy: { actor: ME, name: 'sam@sunrise.example', since: chat.createdAt } };
const heldByOther: Chat = {
  ...chat,
  heldBy: { actor: 'user:someone-else', name: 'kim@sunrise.example', since: chat.createdAt },
};

function controls(props: Partial<Parameters<typeof ThreadControls>[0]> = {}) {
  const handlers = {
    onTakeOver: vi.fn().mockResolvedValue(undefined),
    onHandBack: vi.fn().mockResolvedValue(undefined),
    onSend: vi.fn().mockResolvedValue({ status: 'queued', reason: null }),
  };
  const rendered = renderWithTheme(
    <ThreadControls chat={chat} me={ME} windowOpen {...handlers} {...props} />,
  );
  return { ...rendered, ...handlers, ...props };
}

// Typing is slow in jsdom on a loaded machine: generous time per test.
describe('ThreadControls', { timeout: 60_000 }, () => {
  it('while the AI answers: "Take over" is offered, and the reply box says to take over first', async () => {
    const { user, onTakeOver } = controls();
    expect(screen.getByText('The AI answers')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hand back' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveAccessibleDescription(
      /Take over the chat to reply/,
    );
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    expect(onTakeOver).toHaveBeenCalledTimes(1);
  });

  it('while the user holds it: "Hand back", and "Send" sends what is in "Reply" and clears it', async () => {
    const { user, onSend, onHandBack } = controls({ chat: heldByMe });
    expect(screen.getByText('You hold this chat')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take over' })).not.toBeInTheDocument();
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    expect(reply).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    await user.type(reply, ' Sam here. ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('Sam here.'));
    await waitFor(() => expect(reply).toHaveValue(''));
    await user.click(screen.getByRole('button', { name: 'Hand back' }));
    expect(onHandBack).toHaveBeenCalledTimes(1);
  });

  it('refuses an empty reply without sending', async () => {
    const { user, onSend } = controls({ chat: heldByMe });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write the reply first.');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('keeps the draft and shows why when the reply was not sent', async () => {
    const { user } = controls({
      chat: heldByMe,
      onSend: vi.fn().mockResolvedValue({ status: 'skipped', reason: 'The member opted out (STOP).' }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not sent: The member opted out (STOP).');
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello?');
  });

  it('shows who else holds the chat, and lets the user neither take it nor reply', () => {
    controls({ chat: heldByOther });
    expect(screen.getByText('Held by kim@sunrise.example')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take over' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveAccessibleDescription(
      'kim@sunrise.example holds this chat: only they can reply.',
    );
  });

  it('outside WhatsApp’s 24-hour window the reply box says why, even for the holder', () => {
    controls({ chat: heldByMe, windowOpen: false });
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveAccessibleDescription(
      /Outside WhatsApp’s 24-hour window.*approved template/,
    );
    // Hand back stays possible.
    expect(screen.getByRole('button', { name: 'Hand back' })).toBeEnabled();
  });

  it('shows the API’s refusal when taking over fails', async () => {
    const { user } = controls({
      onTakeOver: vi.fn().mockRejectedValue(new ApiError(409, 'This chat is held by kim@sunrise.example.')),
    });
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This chat is held by kim@sunrise.example.');
  });

  it('a closed chat offers neither taking over nor replying', () => {
    controls({ chat: { ...chat, status: 'closed', closedAt: chat.lastMessageAt, closedReason: 'request' } });
    expect(screen.queryByRole('button', { name: 'Take over' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
  });

  it('a waiting chat says since when and why the AI handed it over', () => {
    controls({
      chat: { ...chat, waitingSince: '2026-03-02T09:16:00.000Z', handoffReason: 'Asks for a refund' },
    });
    expect(screen.getByText(/Waiting for a person since/)).toBeInTheDocument();
    expect(screen.getByText('The AI handed over: Asks for a refund')).toBeInTheDocument();
  });
});

describe('MessageBubble', () => {
  const sent: ChatMessage = {
    id: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
    chatId: chat.id,
    direction: 'outbound',
    body: 'Your appointment is confirmed.',
    contentSid: null,
    media: [],
    status: 'delivered',
    errorCode: null,
    errorReason: null,
    twilioSid: 'SM0123456789abcdef0123456789abcdef',
    sendId: null,
    createdAt: '2026-03-02T09:15:00.000Z',
  };

  it('a failed delivery shows its human reason and Twilio’s code', () => {
    renderWithTheme(
      <MessageBubble
        message={{
          ...sent,
          status: 'undelivered',
          errorCode: '63016',
          errorReason: 'Outside the 24-hour window: send an approved template.',
        }}
      />,
    );
    expect(screen.getByText('Not delivered')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Outside the 24-hour window: send an approved template. (Twilio error 63016)',
    );
  });

  it('a delivered message has no failure note', () => {
    renderWithTheme(<MessageBubble message={sent} />);
    expect(screen.getByText('Delivered')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
