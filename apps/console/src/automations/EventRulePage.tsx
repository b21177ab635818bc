import { Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { channelLabel } from '../shared/ChannelBadge';
import { formatDateTime } from '../shared/format';
import { RecordPage, RecordSummary } from '../shared/RecordPage';
import { Panel } from '../shared/Panel';
import { ProblemAlert } from '../shared/ProblemAlert';
import { ErrorNotice } from '../shared/QueryState';
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
    <RecordPage
      back={{ to: '/automations', label: 'Automations' }}
      title={rule.data ? `When ${rule.data.event}` : 'Event rule'}
      description={rule.data ? `Created ${formatDateTime(rule.data.createdAt)}` : undefined}
      query={rule}
      loadingLabel="Loading the rule…"
    >
      {(r) => (
        <Stack gap="lg">
          <RecordSummary
            state={
              <>
                <OnOffBadge on={r.enabled} />
                <Text size="sm">
                  Sends {channelLabel(r.action.type === 'send_sms' ? 'sms' : 'whatsapp')}
                  {r.condition ? ' when ' : ''}
                  {r.condition ? <code>{r.condition}</code> : null}
                </Text>
              </>
            }
            actions={
              <>
                <EnabledSwitch enabled={r.enabled} change={change} act={act} />
                <EditButton editor={editor} />
                <DeleteButton noun="rule" remove={remove} act={act}>
                  Its run log goes with it. Events that arrive later send nothing.
                </DeleteButton>
              </>
            }
          >
            <ProblemAlert error={problem} />
            {r.action.template ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {r.action.template}
              </Text>
            ) : null}
          </RecordSummary>
          <EditorPanel editor={editor}>
            <RuleForm
              rule={r}
              onSave={editor.closeAfter((input) => change.mutateAsync({ condition: null, ...input }))}
            />
          </EditorPanel>
          <Panel title="Run log">
            {runs.error ? (
              <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />
            ) : (
              <RunLog
                runs={runs.data?.items ?? []}
                emptyText="When the event arrives, each member's send (or the reason it was skipped) shows here."
              />
            )}
          </Panel>
        </Stack>
      )}
    </RecordPage>
  );
}
