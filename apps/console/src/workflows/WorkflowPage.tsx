import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { stringify } from 'yaml';
import { ApiError, describeError } from '../api/errors';
import type { Workflow } from '../api/types';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { ErrorNotice, Loading } from '../shared/QueryState';
import { serverProblems, type DefinitionProblem } from './definition-problems';
import { DefinitionEditor } from './DefinitionEditor';
import { useSaveWorkflow, useWorkflow } from './workflow-api';
import { Versions } from './Versions';

const STARTER = `# Steps run in order for each message. See the README for every step kind.
- if: chat.channel == "whatsapp"
  then:
    - reply: "Hi {{member.first_name}}, thanks for your WhatsApp message. We'll be right with you."
  else:
    - reply: "Thanks for your message. We'll be right with you."
`;

const asText = (definition: unknown[], format: 'yaml' | 'json') =>
  format === 'json' ? `${JSON.stringify(definition, null, 2)}\n` : stringify(definition, { lineWidth: 0 });

/** A workflow's name and steps, saved as a new version; problems shown where they are. */
export default function WorkflowPage() {
  const { id = 'new' } = useParams();
  const workflow = useWorkflow(id);
  if (id !== 'new' && workflow.isPending) return <Loading label="Loading the workflow…" />;
  if (id !== 'new' && workflow.error)
    return <ErrorNotice error={workflow.error} onRetry={() => void workflow.refetch()} />;
  // A fresh editor per workflow: its text starts from what was loaded.
  return <WorkflowEditor key={id} id={id} loaded={workflow.data} />;
}

function WorkflowEditor({ id, loaded }: { id: string; loaded: Workflow | undefined }) {
  const isNew = id === 'new';
  const save = useSaveWorkflow(id);
  const navigate = useNavigate();
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [name, setName] = useState(loaded?.name ?? '');
  const [text, setText] = useState(loaded ? asText(loaded.definition, 'yaml') : STARTER);
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const switchFormat = (next: string) => {
    const target = next === 'json' ? 'json' : 'yaml';
    if (loaded && text === asText(loaded.definition, format)) setText(asText(loaded.definition, target));
    setFormat(target);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setNameError(name.trim() ? null : 'Give the workflow a name');
    if (!name.trim()) return;
    try {
      const result = await save.mutateAsync({ name: name.trim(), definition: text });
      setProblems([]);
      setSaved(`Saved as version ${result.version}.`);
      if (isNew) void navigate(`/workflows/${result.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && /^(Invalid body: )?name/.test(error.message))
        setNameError(error.message.replace(/^Invalid body: name: /, ''));
      else
        setProblems(
          error instanceof ApiError && error.status === 400
            ? serverProblems(text, error.message)
            : [{ message: describeError(error), from: null, to: null, where: null }],
        );
    }
  };

  return (
    <>
      <Anchor component={Link} to="/workflows" size="sm">
        ← Workflows
      </Anchor>
      <PageHeader
        title={isNew ? 'New workflow' : (loaded?.name ?? 'Workflow')}
        description={
          loaded
            ? `Version ${loaded.version}, saved ${formatDateTime(loaded.updatedAt)}. Saving makes a new version; running chats keep theirs.`
            : 'Write the steps in YAML or JSON.'
        }
      />
      <Paper>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError}
              maw={480}
              required
            />
            <Group justify="space-between" align="flex-end">
              <Text fw={500} size="sm" id="definition-label">
                Steps
              </Text>
              <SegmentedControl
                size="xs"
                aria-label="Format"
                data={[
                  { value: 'yaml', label: 'YAML' },
                  { value: 'json', label: 'JSON' },
                ]}
                value={format}
                onChange={switchFormat}
              />
            </Group>
            <DefinitionEditor
              value={text}
              onChange={(t) => {
                setText(t);
                setSaved(null);
              }}
              format={format}
              savedProblems={problems}
              labelledBy="definition-label"
            />
            {problems.length ? (
              <Alert
                color="red"
                role="alert"
                title={
                  problems.length === 1 ? 'Not saved: 1 problem' : `Not saved: ${problems.length} problems`
                }
              >
                <List size="sm" spacing={4}>
                  {problems.map((p, i) => (
                    <List.Item key={i}>
                      {p.where ? <b>{p.where}: </b> : null}
                      {p.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
              {saved ? (
                <Text size="sm" c="teal.8" role="status">
                  {saved}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Paper>
      {!isNew && loaded ? (
        <Versions
          workflowId={id}
          current={loaded.version}
          onOpen={(definition, version) => {
            setText(asText(definition, format));
            setProblems([]);
            setSaved(`Version ${version} is in the editor: Save to make it the latest.`);
          }}
        />
      ) : null}
    </>
  );
}
