import { Alert, Grid, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { useParams } from 'react-router';
import type { Member, PreferenceChange } from '../api/types';
import { channelLabel, ChannelBadge } from '../shared/ChannelBadge';
import { ListState } from '../shared/cursor-list';
import { DataTable } from '../shared/DataTable';
import { formatDateTime, memberName } from '../shared/format';
import { Panel } from '../shared/Panel';
import { RecordPage } from '../shared/RecordPage';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { Tag } from '../shared/Tag';
import { usePhoneNumbers } from '../phone-numbers/phone-number-api';
import { useMember, useMemberWindows, usePreferenceChanges, useUpdateMember } from './member-api';
import { MemberForm } from './MemberForm';
import { useAction } from '../shared/use-action';

/** The account-level opt-out set by hand (as STOP/START would), with what it means. */
function OptOutSwitch({
  member,
  onChange,
}: {
  member: Member;
  onChange: (optedOut: boolean) => Promise<unknown>;
}) {
  const { problem, act } = useAction();
  return (
    <Stack gap={4}>
      <Switch
        label="Opted out of all messages"
        description="Turning it on is what a STOP reply does; turning it off is what START does. Recorded in the history."
        checked={member.optedOut}
        onChange={(e) => {
          const optedOut = e.currentTarget.checked;
          void act(() => onChange(optedOut));
        }}
      />
      {problem ? (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      ) : null}
    </Stack>
  );
}

const FIELD_LABEL: Record<string, string> = {
  notifySms: 'SMS notifications',
  notifyEmail: 'Email notifications',
  notifyVoice: 'Voice notifications',
  notifyWhatsapp: 'WhatsApp notifications',
  optedOut: 'Opted out',
};

const SOURCE_LABEL: Record<PreferenceChange['source']['type'], string> = {
  api: 'the API or console',
  keyword: 'a keyword reply',
  inbound: 'an inbound message',
  import: 'an import',
  system: 'the system',
};

const valueText = (value: unknown) =>
  value === true ? 'on' : value === false ? 'off' : JSON.stringify(value);

function describeSource(source: PreferenceChange['source']): string {
  const base = SOURCE_LABEL[source.type];
  if (source.type === 'keyword' && source.ref) return `${base} (“${source.ref}”)`;
  return base;
}

function OptOutState({ member, changes }: { member: Member; changes: PreferenceChange[] }) {
  const last = changes.find((c) => c.field === 'optedOut');
  if (!member.optedOut)
    return (
      <Alert color="teal" variant="light" title="Not opted out">
        {last
          ? `Opted back in ${formatDateTime(last.changedAt)} through ${describeSource(last.source)}.`
          : 'This member has never opted out. The switches below decide what the system may send them.'}
      </Alert>
    );
  return (
    <Alert color="red" variant="light" title="Opted out of all messages" role="status">
      <Stack gap={4}>
        <Text size="sm">
          Since {formatDateTime(member.optedOutAt)}
          {member.optedOutChannel ? `, by a reply on ${channelLabel(member.optedOutChannel)}` : ''}
          {last ? ` (through ${describeSource(last.source)})` : ''}.
        </Text>
        <Text size="sm">
          Nothing is sent to them, not even replies, until they write START (or another opt-in keyword).
        </Text>
      </Stack>
    </Alert>
  );
}

function History({ memberId }: { memberId: string }) {
  const changes = usePreferenceChanges(memberId);
  return (
    <ListState list={changes} loadingLabel="Loading the history…" empty={NO_WINDOW}>
      <DataTable columns={['When', 'Change', { title: 'Through', visibleFrom: 'sm' }]}>
        {changes.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td className="tabular">{formatDateTime(c.changedAt)}</Table.Td>
            <Table.Td>
              {FIELD_LABEL[c.field] ?? c.field}: {valueText(c.oldValue)} → <b>{valueText(c.newValue)}</b>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                through {describeSource(c.source)}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm">{describeSource(c.source)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </ListState>
  );
}

const NO_WINDOW = (
  <EmptyNotice title="No changes yet">Every change of a switch or of the opt-out shows here.</EmptyNotice>
);

function Windows({ memberId }: { memberId: string }) {
  const windows = useMemberWindows(memberId);
  const numbers = usePhoneNumbers(true);
  const numberOf = (id: string) => numbers.data?.items.find((n) => n.id === id)?.number ?? 'A number';
  return (
    <QueryState
      query={windows}
      loadingLabel="Loading the windows…"
      empty={
        <EmptyNotice title="No open conversation window">
          The 24-hour window opens when the member writes to one of your numbers. Outside it, WhatsApp accepts
          only approved templates.
        </EmptyNotice>
      }
    >
      {(page) => (
        <DataTable columns={['Number', 'Channel', 'Window']}>
          {(page.items ?? []).map((w) => (
            <Table.Tr key={`${w.phoneNumberId}-${w.channel}`}>
              <Table.Td className="tabular">{numberOf(w.phoneNumberId)}</Table.Td>
              <Table.Td>
                <ChannelBadge channel={w.channel} />
              </Table.Td>
              <Table.Td>
                {w.open ? (
                  <Tag color="teal">Open until {formatDateTime(w.expiresAt)}</Tag>
                ) : (
                  <Text size="sm">Closed since {formatDateTime(w.expiresAt)}</Text>
                )}
                <Text size="xs" c="dimmed">
                  Last message from the member {formatDateTime(w.lastInboundAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </QueryState>
  );
}

export function MemberPage() {
  const { id = '' } = useParams();
  const member = useMember(id);
  const changes = usePreferenceChanges(id);
  const update = useUpdateMember(id);

  return (
    <RecordPage
      back={{ to: '/members', label: 'Members' }}
      title={member.data ? memberName(member.data) : 'Member'}
      description={member.data?.phone ?? undefined}
      query={member}
      loadingLabel="Loading the member…"
    >
      {(m) => (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <OptOutState member={m} changes={changes.items} />
              <OptOutSwitch member={m} onChange={(optedOut) => update.mutateAsync({ optedOut })} />
              <Paper>
                <MemberForm key={m.id} member={m} onSave={(patch) => update.mutateAsync(patch)} />
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <Panel title="24-hour windows">
                <Windows memberId={m.id} />
              </Panel>
              <Panel title="Preference history">
                <History memberId={m.id} />
              </Panel>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </RecordPage>
  );
}
