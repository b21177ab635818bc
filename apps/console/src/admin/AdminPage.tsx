import { PageHeader } from '../shared/PageHeader';

export function AdminPage() {
  return <PageHeader title="AdminPage" />;
}
