import { lazy, Suspense, type ReactElement } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { Permission } from '@uitstroom/shared';
import { SessionProvider, useSession } from '../core/session';
import { Shell } from './Shell';
import { queryClient } from '../core/query/query-client';

// Signing in and choosing a password: their own chunks, which a signed-in user never loads.
const LoginPage = lazy(() =>
  import('../auth/LoginPage').then((module) => ({ default: module.LoginPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../auth/ForgotPasswordPage').then((module) => ({ default: module.ForgotPasswordPage })),
);
const SetPasswordPage = lazy(() =>
  import('../auth/SetPasswordPage').then((module) => ({ default: module.SetPasswordPage })),
);
// The account and the region's administration: their own chunks, out of the first page's JavaScript.
const AccountPage = lazy(() =>
  import('../account/AccountPage').then((module) => ({ default: module.AccountPage })),
);
const UsersPage = lazy(() =>
  import('../users/UsersPage').then((module) => ({ default: module.UsersPage })),
);
const OrganisationSettingsPage = lazy(() =>
  import('../users/OrganisationSettingsPage').then((module) => ({
    default: module.OrganisationSettingsPage,
  })),
);
const OutboxPage = lazy(() =>
  import('../users/OutboxPage').then((module) => ({ default: module.OutboxPage })),
);
const RuleSetPage = lazy(() =>
  import('../regions/RuleSetPage').then((module) => ({ default: module.RuleSetPage })),
);
// Its own chunk: the page carries the rule engine, which no other page needs.
const OriginRulePage = lazy(() =>
  import('../origin-rule/OriginRulePage').then((module) => ({ default: module.OriginRulePage })),
);
// The case pages: their own chunks (the case page carries the rule engine too).
const MyCasesPage = lazy(() =>
  import('../cases/MyCasesPage').then((module) => ({ default: module.MyCasesPage })),
);
const IntakePage = lazy(() =>
  import('../cases/IntakePage').then((module) => ({ default: module.IntakePage })),
);
const CasePage = lazy(() =>
  import('../cases/CasePage').then((module) => ({ default: module.CasePage })),
);
const DecisionLetterPage = lazy(() =>
  import('../cases/DecisionLetterPage').then((module) => ({ default: module.DecisionLetterPage })),
);
// The access log, the resident's export (inzage) and the privacy officer's audit search.
const AccessExportPage = lazy(() =>
  import('../audit/AccessExportPage').then((module) => ({ default: module.AccessExportPage })),
);
const CaseAccessLogPage = lazy(() =>
  import('../audit/CaseAccessLogPage').then((module) => ({ default: module.CaseAccessLogPage })),
);
const AuditSearchPage = lazy(() =>
  import('../audit/AuditSearchPage').then((module) => ({ default: module.AuditSearchPage })),
);
// The tables: the list with planning, and one table with its agenda and the meeting.
const TablesPage = lazy(() =>
  import('../tables/TablesPage').then((module) => ({ default: module.TablesPage })),
);
const TablePage = lazy(() =>
  import('../tables/TablePage').then((module) => ({ default: module.TablePage })),
);
// Notifications (every seat) and "Mijn taken" (every seat at the table).
const NotificationsPage = lazy(() =>
  import('../notifications/NotificationsPage').then((module) => ({
    default: module.NotificationsPage,
  })),
);
const TasksPage = lazy(() =>
  import('../tasks/TasksPage').then((module) => ({ default: module.TasksPage })),
);
// Dwellings (the corporation's) and contingents (corporation, municipality, chair, regionAdmin).
const DwellingsPage = lazy(() =>
  import('../dwellings/DwellingsPage').then((module) => ({ default: module.DwellingsPage })),
);
const DwellingPage = lazy(() =>
  import('../dwellings/DwellingPage').then((module) => ({ default: module.DwellingPage })),
);
const ContingentsPage = lazy(() =>
  import('../dwellings/ContingentsPage').then((module) => ({ default: module.ContingentsPage })),
);
// Bringing the region in from a workbook (regionAdmin).
const ImportPage = lazy(() =>
  import('../import/ImportPage').then((module) => ({ default: module.ImportPage })),
);
// API tokens and subscriptions of the organisations' own systems (regionAdmin).
const ApiTokensPage = lazy(() =>
  import('../partners/ApiTokensPage').then((module) => ({ default: module.ApiTokensPage })),
);
// Retention and erasure of closed cases (regionAdmin).
const RetentionPage = lazy(() =>
  import('../retention/RetentionPage').then((module) => ({ default: module.RetentionPage })),
);
// The indicators: their own chunks, so the chart library loads only there (the printable page has none).
const IndicatorsPage = lazy(() =>
  import('../indicators/IndicatorsPage').then((module) => ({ default: module.IndicatorsPage })),
);
const IndicatorsPrintPage = lazy(() =>
  import('../indicators/IndicatorsPrintPage').then((module) => ({
    default: module.IndicatorsPrintPage,
  })),
);

function Loading() {
  return (
    <Paragraph role="status" className="loading">
      Laden…
    </Paragraph>
  );
}

/** A lazily loaded page keeps the shell (header and menu) on screen while its code arrives. */
function page(element: ReactElement) {
  return <Suspense fallback={<Loading />}>{element}</Suspense>;
}

// The link from an invitation or reset mail works whether or not someone is signed in here.
const setPassword = <Route path="/wachtwoord-instellen" element={page(<SetPasswordPage />)} />;

function SignedOutRoutes() {
  return (
    <Routes>
      {setPassword}
      <Route path="/wachtwoord-vergeten" element={page(<ForgotPasswordPage />)} />
      <Route path="*" element={page(<LoginPage />)} />
    </Routes>
  );
}

function AppRoutes() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'signedIn') return <SignedOutRoutes />;
  // The pages a seat reaches follow from its grants (GET /api/auth/me), as the API's routes do.
  const can = (permission: Permission) => state.me.grants.includes(permission);
  const worksOnCases = can('case:list');
  // Each seat starts where its work is: the chair at the tables, the region's administrator at the users.
  const home = can('user:read')
    ? '/beheer/gebruikers'
    : can('table:manage')
      ? '/tafels'
      : '/casussen';
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {setPassword}
        <Route element={<Shell />}>
          <Route path="/account" element={page(<AccountPage />)} />
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/inloggen" element={<Navigate to={home} replace />} />
          <Route path="/herkomstregel" element={page(<OriginRulePage />)} />
          <Route path="/meldingen" element={page(<NotificationsPage />)} />
          {can('contingent:read') && (
            <Route path="/contingenten" element={page(<ContingentsPage />)} />
          )}
          {can('indicator:read') && (
            <>
              <Route path="/indicatoren" element={page(<IndicatorsPage />)} />
              <Route path="/indicatoren/afdrukken" element={page(<IndicatorsPrintPage />)} />
            </>
          )}
          {can('dwelling:read') && (
            <>
              <Route path="/woningen" element={page(<DwellingsPage />)} />
              <Route path="/woningen/:dwellingId" element={page(<DwellingPage />)} />
            </>
          )}
          {can('user:read') && <Route path="/beheer/gebruikers" element={page(<UsersPage />)} />}
          {can('outbox:read') && <Route path="/beheer/postvak" element={page(<OutboxPage />)} />}
          {can('apiToken:manage') && (
            <Route path="/beheer/koppelingen" element={page(<ApiTokensPage />)} />
          )}
          {can('organisation:settings') && (
            <Route path="/organisatie" element={page(<OrganisationSettingsPage />)} />
          )}
          {can('audit:search') && (
            <Route path="/beheer/audit" element={page(<AuditSearchPage />)} />
          )}
          {can('case:erase') && (
            <Route path="/beheer/bewaartermijnen" element={page(<RetentionPage />)} />
          )}
          {can('import:run') && <Route path="/beheer/inlezen" element={page(<ImportPage />)} />}
          {can('ruleSet:update') && (
            <Route path="/regio/instellingen" element={page(<RuleSetPage />)} />
          )}
          {worksOnCases && (
            <>
              <Route path="/taken" element={page(<TasksPage />)} />
              <Route path="/casussen" element={page(<MyCasesPage />)} />
              {/* One element for both, so the form stays mounted when its first save creates the case. */}
              <Route path="/casussen/nieuw" element={page(<IntakePage />)} />
              <Route path="/casussen/:caseId/intake" element={page(<IntakePage />)} />
              <Route path="/casussen/:caseId" element={page(<CasePage />)} />
              <Route path="/casussen/:caseId/inzage" element={page(<AccessExportPage />)} />
              <Route path="/casussen/:caseId/logboek" element={page(<CaseAccessLogPage />)} />
              <Route path="/casussen/:caseId/brief" element={page(<DecisionLetterPage />)} />
              <Route path="/tafels" element={page(<TablesPage />)} />
              <Route path="/tafels/:tableId" element={page(<TablePage />)} />
            </>
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function NotFoundPage() {
  return (
    <>
      <h1 className="utrecht-heading-1">Pagina niet gevonden</h1>
      <Paragraph>Deze pagina bestaat niet (meer).</Paragraph>
    </>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
