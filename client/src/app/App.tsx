import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { SessionProvider, useSession } from '../auth/session';
import { LoginPage } from '../auth/LoginPage';
import { Shell } from './Shell';
import { MyCasesPage } from '../cases/MyCasesPage';

function Loading() {
  return <Paragraph role="status" className="loading">Laden…</Paragraph>;
}

function AppRoutes() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut') return <LoginPage />;
  const home = state.me.seat === 'regionAdmin' ? '/herkomstregel' : '/casussen';
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<Shell />}>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/inloggen" element={<Navigate to={home} replace />} />
          <Route path="/casussen" element={<MyCasesPage />} />
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
