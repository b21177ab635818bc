import { Badge } from '@mantine/core';
import type { Channel } from '../api/types';

const LABEL: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS' };

/** The channel as a word (never colour alone). */
export function ChannelBadge({ channel }: { channel: Channel }) {
  return (
    <Badge variant="light" color={channel === 'whatsapp' ? 'green' : 'blue'} radius="sm" tt="none">
      {LABEL[channel]}
    </Badge>
  );
}

export const channelLabel = (channel: Channel) => LABEL[channel];
