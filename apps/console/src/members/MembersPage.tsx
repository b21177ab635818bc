import { PageHeader } from '../shared/PageHeader';

export function MembersPage() {
  return <PageHeader title="MembersPage" />;
}
