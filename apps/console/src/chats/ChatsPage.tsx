import { PageHeader } from '../shared/PageHeader';

export function ChatsPage() {
  return <PageHeader title="ChatsPage" />;
}
