import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { aPhoneNumber } from '../test/fixtures';
import { renderWithTheme } from '../test/render';
import { PhoneNumberForm, type PhoneNumberFormProps } from './PhoneNumberForm';

const number = aPhoneNumber();
const workflows = [{ value: '8f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', label: 'Front desk' }];

/** The form of `number` in a workspace with the WhatsApp feature (unless said), saving through onSave. */
const renderForm = (onSave: PhoneNumberFormProps['onSave'], { whatsappFeature = true } = {}) =>
  renderWithTheme(
    <PhoneNumberForm
      number={number}
      whatsappFeature={whatsappFeature}
      workflows={workflows}
      onSave={onSave}
    />,
  );

const NO_WHATSAPP_FEATURE = 'WhatsApp cannot be turned on: the workspace does not have the WhatsApp feature.';
const BRAND_NAME_TOO_LONG = 'Invalid body: brandName: Too big: expected string to have <=200 characters';

/** A save the API refuses with this status and message. */
const refusedSave = (status: number, message: string) =>
  vi.fn().mockRejectedValue(new ApiError(status, message));

describe('PhoneNumberForm', () => {
  it('turns WhatsApp on and saves every setting as the API takes it', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderForm(onSave);
    expect(screen.getByRole('switch', { name: 'SMS' })).toBeChecked();
    await user.click(screen.getByRole('switch', { name: 'WhatsApp' }));
    await user.type(screen.getByRole('textbox', { name: 'Off-hours message' }), 'We are closed.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0]).toMatchObject({
      smsEnabled: true,
      whatsappEnabled: true,
      brandName: 'Sunrise Dental',
      offHoursMessage: 'We are closed.',
      businessHours: null,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('sets who answers: the AI until it hands over, then the holding message after a wait', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderForm(onSave);
    // Only a mode where people answer asks for the holding message.
    expect(screen.queryByRole('textbox', { name: 'Holding message' })).toBeNull();
    await user.click(screen.getByRole('combobox', { name: 'Work mode' }));
    await user.click(
      await screen.findByRole('option', { name: 'The AI, until it hands over to a person', hidden: true }),
    );
    await user.type(screen.getByRole('textbox', { name: 'Holding message after' }), '120');
    await user.type(screen.getByRole('textbox', { name: 'Holding message' }), 'A person will answer soon.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0]).toMatchObject({
      workMode: 'ai_with_handoff',
      handoffTimeoutSeconds: 120,
      holdingMessage: 'A person will answer soon.',
    });
  });

  it('hides the WhatsApp switch without the workspace feature, and says why', () => {
    renderForm(vi.fn(), { whatsappFeature: false });
    expect(screen.queryByRole('switch', { name: 'WhatsApp' })).toBeNull();
    expect(screen.getByText('WhatsApp is not available in this workspace')).toBeInTheDocument();
  });

  it('shows a bad business hour at its field and does not save', async () => {
    const onSave = vi.fn();
    const { user } = renderForm(onSave);
    await user.click(screen.getByRole('switch', { name: 'Use business hours' }));
    const closes = screen.getByLabelText('Monday closes');
    await user.clear(closes);
    await user.type(closes, '08:00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Closes before it opens')).toBeInTheDocument();
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it("puts the API's refusal at the field it concerns", async () => {
    const { user } = renderForm(refusedSave(422, NO_WHATSAPP_FEATURE));
    await user.click(screen.getByRole('switch', { name: 'WhatsApp' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const error = await screen.findByText(/the workspace does not have the WhatsApp feature/);
    expect(screen.getByRole('switch', { name: 'WhatsApp' })).toHaveAccessibleDescription(
      expect.stringContaining('does not have the WhatsApp feature'),
    );
    expect(error).toBeInTheDocument();
  });

  it('shows a 400 field error from the API at its field', async () => {
    const { user } = renderForm(refusedSave(400, BRAND_NAME_TOO_LONG));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Brand name' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByText(/expected string to have <=200 characters/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves keyword lists and confirmation texts as the API takes them', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const { user } = renderForm(onSave);
    await user.type(screen.getByRole('combobox', { name: 'Opt-out keywords' }), 'arret{Enter}');
    await user.click(screen.getByRole('textbox', { name: 'Help reply' }));
    await user.paste('Call us on +15551234567.');
    expect(screen.getByRole('textbox', { name: 'Opt-in confirmation' })).toHaveAttribute(
      'placeholder',
      expect.stringContaining('Sunrise Dental: you are subscribed again'),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0]).toMatchObject({
      keywords: { optOut: ['STOP', 'arret'], optIn: ['START'], help: ['HELP'] },
      keywordReplies: { optOut: null, optIn: null, help: 'Call us on +15551234567.' },
    });
  });

  it('keeps STOP in the opt-out list: removing it is shown at the list and not saved', async () => {
    const onSave = vi.fn();
    const { user } = renderForm(onSave);
    const optOut = screen.getByRole('combobox', { name: 'Opt-out keywords' });
    await user.click(optOut);
    await user.keyboard('{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/must include STOP/)).toBeInTheDocument();
    expect(optOut).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the API's refusal of one keyword at its list", async () => {
    const onSave = refusedSave(400, 'keywords.help.0: HELP is already in keywords.optOut.');
    const { user } = renderForm(onSave);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Help keywords' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByText(/HELP is already in keywords.optOut/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
