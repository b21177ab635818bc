import { PageHeader } from '../shared/PageHeader';

export function MemberPage() {
  return <PageHeader title="MemberPage" />;
}
