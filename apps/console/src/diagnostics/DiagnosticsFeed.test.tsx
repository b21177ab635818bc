import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticLinks } from '@app/contracts';
import { ApiError } from '../api/errors';
import { renderWithTheme } from '../test/render';
import type { Diagnostic } from './diagnostics-api';
import { DiagnosticsFeed, type FeedList } from './DiagnosticsFeed';

const CHAT = '0b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
/** A record's links: none but those given. */
const linksTo = (links: Partial<Diagnostic['links']>): Diagnostic['links'] => ({
  ...DiagnosticLinks.parse({}),
  ...links,
});
const records: Diagnostic[] = [
  {
    id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    kind: 'inbound_rejected',
    code: 'whatsapp_disabled',
    reason: 'WhatsApp message dropped: WhatsApp is turned off on this phone number.',
    channel: 'whatsapp',
    address: '+1555***0001',
    links: linksTo({ messageSid: 'SM0123456789abcdef0123456789abcdef' }),
    occurredAt: '2026-11-30T09:15:00.000Z',
  },
  {
    id: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    kind: 'send_skipped',
    code: 'sandbox_not_joined',
    reason: 'The member has not joined this WhatsApp sandbox (Twilio error 63015).',
    channel: 'whatsapp',
    address: '+1555***0002',
    links: linksTo({ chatId: CHAT, ruleRunId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }),
    occurredAt: '2026-11-30T09:16:00.000Z',
  },
];

const list = (fields: Partial<FeedList> = {}): FeedList => ({
  isPending: false,
  error: null,
  items: records,
  refetch: vi.fn(),
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: vi.fn(),
  ...fields,
});

function renderFeed(l: FeedList, onKindChange = vi.fn(), kind: Diagnostic['kind'] | null = null) {
  return renderWithTheme(
    <MemoryRouter>
      <DiagnosticsFeed list={l} kind={kind} onKindChange={onKindChange} />
    </MemoryRouter>,
  );
}

describe('DiagnosticsFeed', () => {
  it('shows each record with what, the reason, the masked address and links to its chat and rule', () => {
    renderFeed(list());
    const table = screen.getByRole('table', { name: 'Diagnostics' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Message dropped')).toBeInTheDocument();
    expect(within(rows[0]).getByText(/WhatsApp is turned off on this phone number/)).toBeInTheDocument();
    expect(within(rows[0]).getByText('+1555***0001')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Send skipped')).toBeInTheDocument();
    expect(within(rows[1]).getAllByRole('link', { name: 'Open chat' })[0]).toHaveAttribute(
      'href',
      `/chats/${CHAT}`,
    );
    expect(within(rows[1]).getAllByRole('link', { name: 'Rule run' }).length).toBeGreaterThan(0);
  });

  it('filters by kind through the Show select', async () => {
    const onKindChange = vi.fn();
    const all = renderFeed(list(), onKindChange);
    await all.user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Not answered');
    expect(onKindChange).toHaveBeenCalledWith('turn_skipped');
    all.unmount();
    const one = renderFeed(list(), onKindChange, 'turn_skipped');
    expect(screen.getByRole('combobox', { name: 'Show' })).toHaveValue('turn_skipped');
    await one.user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'All');
    expect(onKindChange).toHaveBeenLastCalledWith(null);
  });

  it('says it is loading, that there is nothing, or what went wrong with a retry', async () => {
    const first = renderFeed(list({ isPending: true, items: [] }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading diagnostics…');
    first.unmount();

    const empty = renderFeed(list({ items: [] }), vi.fn(), 'turn_skipped');
    expect(screen.getByText('No “Not answered” records')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    empty.unmount();

    const refetch = vi.fn();
    const { user } = renderFeed(
      list({ items: [], error: new ApiError(503, 'routing did not answer'), refetch }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load diagnostics');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalled();
  });
});
