import { PageHeader } from '../shared/PageHeader';

export function MemberImportPage() {
  return <PageHeader title="MemberImportPage" />;
}
