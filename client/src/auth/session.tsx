import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { meSchema, type LoginRequest, type Me } from '@uitstroom/shared';
import { api, ApiError, onSessionEnded } from '../core/api';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' }
  | { status: 'signedIn'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn(request: LoginRequest): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    api('GET', '/api/auth/me', { schema: meSchema })
      .then((me) => setState({ status: 'signedIn', me }))
      .catch((error: unknown) => {
        const isExpired = error instanceof ApiError && error.code === 'SESSION_EXPIRED';
        setState({ status: 'signedOut', reason: isExpired ? 'expired' : undefined });
      });
    return onSessionEnded((reason) =>
      setState((current) => (current.status === 'signedIn' ? { status: 'signedOut', reason: reason === 'expired' ? 'expired' : undefined } : current)),
    );
  }, []);

  const signIn = useCallback(async (request: LoginRequest) => {
    const me = await api('POST', '/api/auth/login', { body: request, schema: meSchema });
    setState({ status: 'signedIn', me });
  }, []);

  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/logout', { body: {} }).catch(() => undefined);
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages inside the shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a session');
  return state.me;
}
