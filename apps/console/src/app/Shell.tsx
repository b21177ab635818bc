import {
  AppShell,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconAlertTriangle,
  IconBolt,
  IconChevronDown,
  IconMessages,
  IconPhone,
  IconShieldLock,
  IconSitemap,
  IconUserCircle,
  IconWebhook,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { SESSION_KEY, useSession } from '../auth/session';
import { signOut } from '../auth/session-api';

const NAV = [
  { to: '/phone-numbers', label: 'Phone numbers', icon: IconPhone },
  { to: '/members', label: 'Members', icon: IconAddressBook },
  { to: '/chats', label: 'Chats', icon: IconMessages },
  { to: '/workflows', label: 'Workflows', icon: IconSitemap },
  { to: '/automations', label: 'Automations', icon: IconBolt },
  { to: '/diagnostics', label: 'Diagnostics', icon: IconAlertTriangle },
  { to: '/webhooks', label: 'Webhooks', icon: IconWebhook },
];

function WorkspaceSwitcher() {
  const { user, workspace, selectWorkspace } = useSession();
  if (user.workspaces.length < 2) {
    return workspace ? (
      <Text size="sm" fw={600} truncate maw={220}>
        {workspace.name}
      </Text>
    ) : null;
  }
  return (
    <Select
      aria-label="Workspace"
      size="sm"
      w={{ base: 150, sm: 240 }}
      allowDeselect={false}
      data={user.workspaces.map((w) => ({ value: w.id, label: w.name }))}
      value={workspace?.id ?? null}
      onChange={(id) => id && selectWorkspace(id)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function UserMenu() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const leave = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.email}`}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" truncate maw={200} visibleFrom="sm">
              {user.email}
            </Text>
            <Box hiddenFrom="sm" display="flex">
              <IconUserCircle size={22} aria-hidden />
            </Box>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.role === 'admin' ? 'Administrator' : 'Member'}</Menu.Label>
        <Menu.Item component={RouterLink} to="/account">
          Account and sessions
        </Menu.Item>
        <Menu.Item onClick={() => void leave()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every signed-in page: header, navigation (a drawer on phones), the page. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { user } = useSession();
  const location = useLocation();
  const links = [
    ...NAV,
    ...(user.role === 'admin' ? [{ to: '/admin', label: 'Admin', icon: IconShieldLock }] : []),
  ];
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Text fw={700} size="lg" c="teal.8" visibleFrom="xs">
              Console
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <WorkspaceSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Main navigation">
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={RouterLink}
                to={link.to}
                label={link.label}
                leftSection={<link.icon size={18} aria-hidden />}
                active={location.pathname === link.to || location.pathname.startsWith(`${link.to}/`)}
                onClick={close}
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              />
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
