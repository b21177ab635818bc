import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../shared/PageHeader';
import { UsersAdmin } from './UsersAdmin';
import { WorkspacesAdmin } from './WorkspacesAdmin';

/** The organisation admin's page: workspaces (features, numbers, keys) and users. */
export function AdminPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'users' ? 'users' : 'workspaces';
  return (
    <>
      <PageHeader
        title="Admin"
        description="Workspaces and their features, numbers and API keys; the people who sign in."
      />
      <Tabs
        value={tab}
        onChange={(t) => setParams(t === 'users' ? { tab: 'users' } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="workspaces">Workspaces</Tabs.Tab>
          <Tabs.Tab value="users">Users</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workspaces">
          <WorkspacesAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <UsersAdmin />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
