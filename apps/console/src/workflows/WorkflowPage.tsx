import { PageHeader } from '../shared/PageHeader';

export default function WorkflowPage() {
  return <PageHeader title="Workflow" />;
}
