import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { aMember } from '../test/fixtures';
import { renderWithTheme } from '../test/render';
import { MemberForm } from './MemberForm';

const member = aMember();

describe('MemberForm', () => {
  it('changes the notification switches independently and saves them', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderWithTheme(<MemberForm member={member} onSave={onSave} />);
    for (const name of ['SMS', 'Email', 'Voice']) expect(screen.getByRole('switch', { name })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'WhatsApp' })).not.toBeChecked();
    await user.click(screen.getByRole('switch', { name: 'WhatsApp' }));
    await user.click(screen.getByRole('switch', { name: 'Voice' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({
      firstName: 'Ana',
      lastName: null,
      phone: '+15551234567',
      email: null,
      notifySms: true,
      notifyEmail: true,
      notifyVoice: false,
      notifyWhatsapp: true,
    });
  });

  it('refuses an invalid email at its field with the API schema, without saving', async () => {
    const onSave = vi.fn();
    const { user } = renderWithTheme(<MemberForm member={member} onSave={onSave} />);
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows a phone taken by another member at the phone field', async () => {
    const onSave = vi
      .fn()
      .mockRejectedValue(new ApiError(409, 'Another member already has phone +15557654321.'));
    const { user } = renderWithTheme(<MemberForm member={member} onSave={onSave} />);
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await user.clear(phone);
    await user.type(phone, '+15557654321');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Another member already has phone +15557654321.')).toBeInTheDocument();
  });
});
