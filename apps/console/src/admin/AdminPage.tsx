import { TabbedPage } from '../shared/PageTabs';
import { UsersAdmin } from './UsersAdmin';
import { WorkspacesAdmin } from './WorkspacesAdmin';

const TABS = [
  { value: 'workspaces', label: 'Workspaces', panel: <WorkspacesAdmin /> },
  { value: 'users', label: 'Users', panel: <UsersAdmin /> },
];

/** The organisation admin's page: workspaces (features, numbers, keys) and users. */
export function AdminPage() {
  return (
    <TabbedPage
      title="Admin"
      description="Workspaces and their features, numbers and API keys; the people who sign in."
      tabs={TABS}
    />
  );
}
