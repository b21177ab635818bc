import { PageHeader } from '../shared/PageHeader';

export function AccountPage() {
  return <PageHeader title="AccountPage" />;
}
