import { PageHeader } from '../shared/PageHeader';

export function AutomationsPage() {
  return <PageHeader title="AutomationsPage" />;
}
