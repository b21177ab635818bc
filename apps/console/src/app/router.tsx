import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { AccountPage } from '../auth/AccountPage';
import { SessionProvider, useSessionQuery } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { ErrorNotice, Loading } from '../shared/QueryState';
import { PhoneNumbersPage } from '../phone-numbers/PhoneNumbersPage';
import { PhoneNumberPage } from '../phone-numbers/PhoneNumberPage';
import { MembersPage } from '../members/MembersPage';
import { MemberPage } from '../members/MemberPage';
import { MemberImportPage } from '../members/MemberImportPage';
import { ChatsPage } from '../chats/ChatsPage';
import { ChatPage } from '../chats/ChatPage';
import { WorkflowsPage } from '../workflows/WorkflowsPage';
import { AutomationsPage } from '../automations/AutomationsPage';
import { EventRulePage } from '../automations/EventRulePage';
import { RoutinePage } from '../automations/RoutinePage';
import { DiagnosticsPage } from '../diagnostics/DiagnosticsPage';
import { WebhooksPage } from '../webhooks/WebhooksPage';
import { WebhookPage } from '../webhooks/WebhookPage';
import { AdminPage } from '../admin/AdminPage';
import { RequireAdmin } from '../admin/RequireAdmin';
import { Shell } from './Shell';

// The editor (CodeMirror) is the one heavy page: it loads when opened.
const WorkflowPage = lazy(() => import('../workflows/WorkflowPage'));

const lazyPage = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Signed in: the shell and the page; not: the sign-in page, then back where the user was going. */
function Root() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <Loading label="Opening the console…" />;
  if (session.error) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  const signingIn = location.pathname === '/sign-in';
  if (!session.data) {
    if (signingIn) return <SignInPage />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (signingIn) {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return (
    <SessionProvider user={session.data.user}>
      <Outlet />
    </SessionProvider>
  );
}

export function createConsoleRouter() {
  return createBrowserRouter(
    [
      {
        element: <Root />,
        children: [
          { path: 'sign-in', element: null },
          {
            element: <Shell />,
            children: [
              { index: true, element: <Navigate to="/phone-numbers" replace /> },
              { path: 'phone-numbers', element: <PhoneNumbersPage /> },
              { path: 'phone-numbers/:id', element: <PhoneNumberPage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'members/import', element: <MemberImportPage /> },
              { path: 'members/:id', element: <MemberPage /> },
              // The inbox: the list, with the open chat beside it (or alone on phones).
              { path: 'chats', element: <ChatsPage />, children: [{ path: ':id', element: <ChatPage /> }] },
              { path: 'workflows', element: <WorkflowsPage /> },
              { path: 'workflows/:id', element: lazyPage(<WorkflowPage />) },
              { path: 'automations', element: <AutomationsPage /> },
              { path: 'automations/rules/:id', element: <EventRulePage /> },
              { path: 'automations/routines/:id', element: <RoutinePage /> },
              { path: 'diagnostics', element: <DiagnosticsPage /> },
              { path: 'webhooks', element: <WebhooksPage /> },
              { path: 'webhooks/:id', element: <WebhookPage /> },
              { path: 'account', element: <AccountPage /> },
              {
                path: 'admin',
                element: (
                  <RequireAdmin>
                    <AdminPage />
                  </RequireAdmin>
                ),
              },
              { path: '*', element: <Navigate to="/phone-numbers" replace /> },
            ],
          },
        ],
      },
    ],
    { basename: '/console' },
  );
}
