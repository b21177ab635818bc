import { TabbedPage } from '../shared/PageTabs';
import { UsersAdmin } from './UsersAdmin';
import { WorkspacesAdmin } from './WorkspacesAdmin';

/** The organisation admin's page: workspaces (features, numbers, keys) and users. */
export function AdminPage() {
  return (
    <TabbedPage
      title="Admin"
      description="Workspaces and their features, numbers and API keys; the people who sign in."
      tabs={[
        { value: 'workspaces', label: 'Workspaces', panel: <WorkspacesAdmin /> },
        { value: 'users', label: 'Users', panel: <UsersAdmin /> },
      ]}
    />
  );
}
