import { PageHeader } from '../shared/PageHeader';

export function WorkflowsPage() {
  return <PageHeader title="WorkflowsPage" />;
}
