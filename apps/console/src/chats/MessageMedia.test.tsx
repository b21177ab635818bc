import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../test/render';
import { MessageMedia } from './MessageMedia';

/** A file of message MM1 as Twilio names it (ME1, ME2, …). */
const twilioMedia = (sid: string) =>
  `https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/${sid}`;

describe('MessageMedia', () => {
  it('shows an image sent by https URL inline with alt text, and another file as a link', () => {
    renderWithTheme(
      <MessageMedia
        media={[
          { url: 'https://cdn.example.com/menu.jpg', contentType: '' },
          { url: 'https://cdn.example.com/hours.pdf', contentType: 'application/pdf' },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Photo' })).toHaveAttribute(
      'src',
      'https://cdn.example.com/menu.jpg',
    );
    expect(screen.getByRole('link', { name: 'Document (application/pdf)' })).toHaveAttribute(
      'href',
      'https://cdn.example.com/hours.pdf',
    );
  });

  it("shows a member's kept photo through its signed URL when the store gives one", () => {
    const signed = 'https://media.example.com/media/ws/MM1/0?X-Amz-Signature=abc';
    renderWithTheme(
      <MessageMedia
        media={[
          {
            url: twilioMedia('ME1'),
            contentType: 'image/jpeg',
            stored: { key: 'ws/MM1/0', size: 10 },
            viewUrl: signed,
          },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Photo (image/jpeg)' })).toHaveAttribute('src', signed);
  });

  it("names a member's kept photo, a refused file with its reason, and a voice note's transcript", () => {
    renderWithTheme(
      <MessageMedia
        media={[
          { url: twilioMedia('ME1'), contentType: 'image/png', stored: { key: 'ws/MM1/0', size: 10 } },
          {
            url: twilioMedia('ME2'),
            contentType: 'application/zip',
            refused: { code: 'unsupported_type', reason: 'files of type application/zip are not accepted' },
          },
          {
            url: twilioMedia('ME3'),
            contentType: 'audio/ogg',
            stored: { key: 'ws/MM1/2', size: 10 },
            transcript: 'Can we do Friday?',
          },
        ]}
      />,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText('Photo (image/png), kept')).toBeInTheDocument();
    expect(
      screen.getByText('File (application/zip): not kept, files of type application/zip are not accepted'),
    ).toBeInTheDocument();
    expect(screen.getByText('Transcript: Can we do Friday?')).toBeInTheDocument();
  });
});
