import { PageHeader } from '../shared/PageHeader';

export function ChatPage() {
  return <PageHeader title="ChatPage" />;
}
