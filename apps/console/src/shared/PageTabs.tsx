import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from './PageHeader';

type Tab = { value: string; label: string; panel: ReactNode };

/**
 * A page's tabs, the open one in the address (`?tab=`), so a link or Back opens it again. The
 * first tab is the default and leaves the address bare.
 */
export function PageTabs({ tabs }: { tabs: Tab[] }) {
  const [params, setParams] = useSearchParams();
  const first = tabs[0].value;
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? first;
  return (
    <Tabs value={tab} onChange={(t) => setParams(t && t !== first ? { tab: t } : {})} keepMounted={false}>
      <Tabs.List mb="md">
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((t) => (
        <Tabs.Panel key={t.value} value={t.value}>
          {t.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/** A page that is all tabs: its header, then the tabs. */
export function TabbedPage({
  title,
  description,
  tabs,
}: {
  title: string;
  description: string;
  tabs: Tab[];
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <PageTabs tabs={tabs} />
    </>
  );
}
