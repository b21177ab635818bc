import { useRef, useState } from 'react';
import { Alert, Button, Code, FileInput, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, describeError } from '../api/errors';
import { useWorkspaceKey } from '../auth/session';
import { BackLink } from '../shared/BackLink';
import { DataTable } from '../shared/DataTable';
import { PageHeader } from '../shared/PageHeader';
import { createMember, type MemberPatch } from './member-api';
import {
  importKeyPrefix,
  importRows,
  parseMemberCsv,
  type CsvProblem,
  type ImportProgress,
  type ParsedCsv,
} from './member-csv';

function Problems({ problems }: { problems: CsvProblem[] }) {
  if (!problems.length) return null;
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {problems.length === 1 ? '1 row was not imported' : `${problems.length} rows were not imported`}
      </Text>
      <DataTable label="Rows not imported" columns={[{ title: 'Line', w: 80 }, 'Problem']} mah={360}>
        {problems.map((p) => (
          <Table.Tr key={`${p.line}-${p.message}`}>
            <Table.Td className="tabular">{p.line}</Table.Td>
            <Table.Td>{p.message}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

/** Members from a CSV file, a few at a time through the API, with progress and a report per row. */
export function MemberImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<(ParsedCsv & { keyPrefix: string }) | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const client = useQueryClient();
  const key = useWorkspaceKey();

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setProgress(null);
    const text = chosen ? await chosen.text() : null;
    setParsed(text === null ? null : { ...parseMemberCsv(text), keyPrefix: await importKeyPrefix(text) });
  };

  const start = async () => {
    if (!parsed) return;
    abort.current = new AbortController();
    setRunning(true);
    setProgress({ done: 0, total: parsed.rows.length, created: 0, problems: [] });
    const { keyPrefix } = parsed;
    // Each row's key (the file's content and the row's line): a retry whose first answer was lost
    // gets the member it created, not a 409.
    const create = (fields: MemberPatch, line: number) => createMember(fields, `${keyPrefix}:${line}`);
    const result = await importRows(parsed.rows, create, setProgress, {
      concurrency: 4,
      signal: abort.current.signal,
      describe: describeError,
      // The API limits requests per session: wait as long as it says, a few times per row. With
      // the row's key, a request that got no answer at all (network) is safe to send again too.
      retryAfterMs: (error, attempt) =>
        attempt > 8
          ? null
          : error instanceof ApiError && (error.status === 429 || error.status === 503)
            ? (error.retryAfterSeconds ?? attempt) * 1000
            : error instanceof TypeError
              ? attempt * 1000
              : null,
    });
    setProgress(result);
    setRunning(false);
    void client.invalidateQueries({ queryKey: key('members', 'list') });
  };

  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const finished = progress !== null && !running;

  return (
    <>
      <BackLink to="/members">Members</BackLink>
      <PageHeader
        title="Import members"
        description="Create members from a CSV file with a heading row; columns named attributes.<key> (e.g. attributes.appointment_at) become member attributes."
      />
      <Paper>
        <Stack gap="lg">
          <Text size="sm">
            Columns: <Code>first name</Code>, <Code>last name</Code>, <Code>phone</Code>, <Code>email</Code>{' '}
            and the switches <Code>sms</Code>, <Code>email notifications</Code>, <Code>voice</Code>,{' '}
            <Code>whatsapp</Code> (yes or no). Each member needs a phone or an email. WhatsApp stays off
            unless the file says yes: only say yes for members who agreed to WhatsApp messages.
          </Text>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => void choose(f)}
            disabled={running}
            clearable
            maw={420}
          />
          {parsed ? (
            <Stack gap="xs">
              <Text size="sm">
                {parsed.rows.length === 1 ? '1 member' : `${parsed.rows.length} members`} ready to import
                {parsed.problems.length
                  ? `, ${parsed.problems.length === 1 ? '1 row' : `${parsed.problems.length} rows`} with problems (listed below)`
                  : ''}
                .
              </Text>
              {parsed.ignored.length ? (
                <Text size="sm" c="dimmed">
                  Ignored columns: {parsed.ignored.join(', ')}.
                </Text>
              ) : null}
            </Stack>
          ) : null}
          <Group>
            <Button
              onClick={() => void start()}
              disabled={!parsed || !parsed.rows.length || running}
              loading={running}
            >
              Import
            </Button>
            {running ? (
              <Button variant="default" onClick={() => abort.current?.abort()}>
                Stop
              </Button>
            ) : null}
          </Group>
          {progress ? (
            <Stack gap={6}>
              <Progress
                value={percent}
                size="lg"
                aria-label="Import progress"
                striped={running}
                animated={running}
              />
              <Text size="sm" role="status" aria-live="polite" className="tabular">
                {finished
                  ? `Done: ${progress.created} of ${progress.total} members imported.`
                  : `${progress.done} of ${progress.total} rows (${percent}%)`}
              </Text>
            </Stack>
          ) : null}
          {finished && progress.created === progress.total && !parsed?.problems.length ? (
            <Alert color="teal" title="All members imported">
              Every row of the file is now a member.
            </Alert>
          ) : null}
          <Problems
            problems={[...(parsed?.problems ?? []), ...(progress?.problems ?? [])].sort(
              (a, b) => a.line - b.line,
            )}
          />
        </Stack>
      </Paper>
    </>
  );
}
