import { PageHeader } from '../shared/PageHeader';

export function RoutinePage() {
  return <PageHeader title="RoutinePage" />;
}
