import { Paper } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../shared/PageHeader';
import { useDiagnostics, type DiagnosticKind } from './diagnostics-api';
import { DiagnosticsFeed, KIND_LABELS } from './DiagnosticsFeed';

export function DiagnosticsPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind = asked && asked in KIND_LABELS ? (asked as DiagnosticKind) : null;
  const list = useDiagnostics(kind);
  return (
    <>
      <PageHeader
        title="Diagnostics"
        description="Why nothing happened: messages turned away, files not kept, messages not answered, sends skipped or not delivered, with the reason for each."
      />
      <Paper p="md">
        <DiagnosticsFeed list={list} kind={kind} onKindChange={(k) => setParams(k ? { kind: k } : {})} />
      </Paper>
    </>
  );
}
