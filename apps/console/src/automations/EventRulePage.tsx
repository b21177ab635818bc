import { PageHeader } from '../shared/PageHeader';

export function EventRulePage() {
  return <PageHeader title="EventRulePage" />;
}
