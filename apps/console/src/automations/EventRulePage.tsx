import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { BackLink } from '../shared/BackLink';
import { channelLabel } from '../shared/ChannelBadge';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { ProblemAlert } from '../shared/ProblemAlert';
import { ErrorNotice, QueryState } from '../shared/QueryState';
import { DeleteButton, EditButton, EditorPanel, EnabledSwitch, useEditor } from '../shared/record-actions';
import { OnOffBadge } from '../shared/Tag';
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
  const editor = useEditor();
  const { problem, act } = useAction();

  return (
    <>
      <BackLink to="/automations">Automations</BackLink>
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
                    <OnOffBadge on={r.enabled} />
                    <Text size="sm">
                      Sends {channelLabel(r.action.type === 'send_sms' ? 'sms' : 'whatsapp')}
                      {r.condition ? ' when ' : ''}
                      {r.condition ? <code>{r.condition}</code> : null}
                    </Text>
                  </Group>
                  <Group gap="sm">
                    <EnabledSwitch enabled={r.enabled} change={change} act={act} />
                    <EditButton editor={editor} />
                    <DeleteButton
                      noun="rule"
                      message="Its run log goes with it. Events that arrive later send nothing."
                      remove={remove}
                      back="/automations"
                      act={act}
                    />
                  </Group>
                </Group>
                <ProblemAlert error={problem} />
                {r.action.template ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.action.template}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
            <EditorPanel editor={editor}>
              <RuleForm
                rule={r}
                onSave={editor.closeAfter((input) => change.mutateAsync({ condition: null, ...input }))}
              />
            </EditorPanel>
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
