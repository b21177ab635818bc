import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { channelLabel } from '../shared/ChannelBadge';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { ErrorNotice, QueryState } from '../shared/QueryState';
import { useChangeRule, useDeleteRule, useEventRule, useRuleRuns } from './automation-api';
import { RuleForm } from './RuleForm';
import { RunLog } from './RunLog';
import { useAction } from '../shared/use-action';

export function EventRulePage() {
  const { id = '' } = useParams();
  const rule = useEventRule(id);
  const runs = useRuleRuns(id);
  const change = useChangeRule(id);
  const remove = useDeleteRule(id);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { problem, act } = useAction();

  return (
    <>
      <Anchor component={Link} to="/automations" size="sm">
        ← Automations
      </Anchor>
      <PageHeader
        title={rule.data ? `When ${rule.data.event}` : 'Event rule'}
        description={rule.data ? `Created ${formatDateTime(rule.data.createdAt)}` : undefined}
      />
      <QueryState query={rule} loadingLabel="Loading the rule…">
        {(r) => (
          <Stack gap="lg">
            <Paper>
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="sm">
                    <Badge color={r.enabled ? 'teal' : 'gray'} variant="light" radius="sm" tt="none">
                      {r.enabled ? 'On' : 'Off'}
                    </Badge>
                    <Text size="sm">
                      Sends {channelLabel(r.action.type === 'send_sms' ? 'sms' : 'whatsapp')}
                      {r.condition ? ' when ' : ''}
                      {r.condition ? <code>{r.condition}</code> : null}
                    </Text>
                  </Group>
                  <Group gap="sm">
                    <Switch
                      label="Enabled"
                      checked={r.enabled}
                      onChange={(e) =>
                        void act(() => change.mutateAsync({ enabled: e.currentTarget.checked }))
                      }
                    />
                    <Button variant="default" onClick={() => setEditing((v) => !v)}>
                      {editing ? 'Close editor' : 'Edit'}
                    </Button>
                    <Button
                      color="red"
                      variant="light"
                      onClick={() =>
                        window.confirm('Delete this rule? Its run log goes with it.') &&
                        void act(async () => {
                          await remove.mutateAsync();
                          void navigate('/automations');
                        })
                      }
                    >
                      Delete
                    </Button>
                  </Group>
                </Group>
                {problem ? (
                  <Alert color="red" role="alert" title="Not done">
                    {problem}
                  </Alert>
                ) : null}
                {r.action.template ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.action.template}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
            {editing ? (
              <Paper>
                <RuleForm
                  rule={r}
                  onSave={async (input) => {
                    await change.mutateAsync(input);
                    setEditing(false);
                  }}
                />
              </Paper>
            ) : null}
            <Paper>
              <Title order={2} size="h4" mb="sm">
                Run log
              </Title>
              {runs.error ? (
                <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />
              ) : (
                <RunLog
                  runs={runs.data?.items ?? []}
                  emptyText="When the event arrives, each member's send (or the reason it was skipped) shows here."
                />
              )}
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
