import { PageHeader } from '../shared/PageHeader';

export function DiagnosticsPage() {
  return <PageHeader title="DiagnosticsPage" />;
}
