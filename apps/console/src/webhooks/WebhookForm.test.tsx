import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { aWebhook } from '../test/fixtures';
import { renderWithTheme } from '../test/render';
import { WebhookForm } from './WebhookForm';

const webhook = aWebhook();

describe('WebhookForm', () => {
  it('creates an endpoint for every event when none is chosen', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderWithTheme(<WebhookForm onSave={onSave} submitLabel="Create webhook" />);
    await user.click(screen.getByRole('textbox', { name: 'URL' }));
    await user.paste(' https://crm.example.com/hooks/chats ');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      url: 'https://crm.example.com/hooks/chats',
      description: null,
      events: [],
    });
  });

  it('keeps the chosen events and the description when editing', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderWithTheme(<WebhookForm webhook={webhook} onSave={onSave} />);
    expect(screen.getAllByText('Message received or sent').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      url: 'https://crm.example.com/hooks',
      description: 'CRM',
      events: ['message.created', 'chat.closed'],
    });
  });

  it('refuses an address that is not one, at the URL field, and saves nothing', async () => {
    const onSave = vi.fn();
    const { user } = renderWithTheme(<WebhookForm onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the address that receives the events')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'URL' }));
    await user.paste('crm.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter a full web address/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the api's refusal of the address at the URL field", async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError(400, 'url: must be https'));
    const { user } = renderWithTheme(<WebhookForm onSave={onSave} />);
    await user.click(screen.getByRole('textbox', { name: 'URL' }));
    await user.paste('http://crm.example.com/hooks');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByText('must be https')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
