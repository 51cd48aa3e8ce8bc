import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { SessionProvider, useSession } from '../auth/session';
import { LoginPage } from '../auth/LoginPage';
import { Shell } from './Shell';
import { MyCasesPage } from '../cases/MyCasesPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { SetPasswordPage } from '../auth/SetPasswordPage';
import { AccountPage } from '../account/AccountPage';
import { UsersPage } from '../users/UsersPage';
import { OutboxPage } from '../users/OutboxPage';
import { RuleSetPage } from '../regions/RuleSetPage';

// Its own chunk: the page carries the rule engine, which no other page needs.
const OriginRulePage = lazy(() => import('../origin-rule/OriginRulePage').then((module) => ({ default: module.OriginRulePage })));

function Loading() {
  return <Paragraph role="status" className="loading">Laden…</Paragraph>;
}

function AppRoutes() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  // The link from an invitation or reset mail works whether or not someone is signed in here.
  const setPassword = <Route path="/wachtwoord-instellen" element={<SetPasswordPage />} />;
  if (state.status !== 'signedIn') {
    return (
      <Routes>
        {setPassword}
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  const home = state.me.seat === 'regionAdmin' ? '/beheer/gebruikers' : '/casussen';
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {setPassword}
        <Route element={<Shell />}>
          <Route path="/account" element={<AccountPage />} />
          <Route path="/beheer/gebruikers" element={<UsersPage />} />
          <Route path="/beheer/postvak" element={<OutboxPage />} />
          <Route path="/regio/instellingen" element={state.me.seat === 'regionAdmin' ? <RuleSetPage /> : <NotFoundPage />} />
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/inloggen" element={<Navigate to={home} replace />} />
          <Route path="/casussen" element={<MyCasesPage />} />
          <Route path="/herkomstregel" element={<Suspense fallback={<Loading />}><OriginRulePage /></Suspense>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function NotFoundPage() {
  return <><h1 className="utrecht-heading-1">Pagina niet gevonden</h1><Paragraph>Deze pagina bestaat niet (meer).</Paragraph></>;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
