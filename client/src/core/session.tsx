import { useMutation } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  loginResponseSchema,
  meSchema,
  secondFactorStepSchema,
  type LoginRequest,
  type Me,
  type Permission,
} from '@uitstroom/shared';
import { apiClient, ApiError, onSessionEnded, request } from './api';
import { queryClient } from './query/query-client';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' | 'passwordSet' }
  /** Password accepted; a TOTP code (or enrolling one) still to come. */
  | { status: 'secondFactor'; step: 'totp' | 'enroll' }
  | { status: 'signedIn'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn(request: LoginRequest): Promise<void>;
  /** The second step is done (code verified or enrolment confirmed): the server answered with `me`. */
  completeSignIn(me: Me): void;
  signOut(reason?: 'signedOut' | 'passwordSet'): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

function forgetLocalDrafts(): void {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('uitstroomtafel:')) localStorage.removeItem(key);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // What one user read leaves with them: the next one to sign in on this tab starts from nothing.
  useEffect(() => {
    if (state.status !== 'signedIn') queryClient.clear();
  }, [state.status]);

  useEffect(() => {
    (async () => {
      try {
        setState({
          status: 'signedIn',
          me: await request(apiClient.GET('/api/auth/me'), { schema: meSchema }),
        });
      } catch (error) {
        const isExpired = error instanceof ApiError && error.code === 'SESSION_EXPIRED';
        // After a reload in the middle of a sign-in, pick up the second step where it was.
        const pending = await request(apiClient.GET('/api/auth/sign-in-step'), {
          schema: secondFactorStepSchema.optional(),
        }).catch(() => undefined);
        setState(
          pending
            ? { status: 'secondFactor', step: pending.secondFactor }
            : { status: 'signedOut', reason: isExpired ? 'expired' : undefined },
        );
      }
    })();
    return onSessionEnded(() =>
      setState((current) =>
        current.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : current,
      ),
    );
  }, []);

  // Signing in and out are writes; their answer is the session's state, not a cached read.
  const { mutateAsync: login } = useMutation({
    mutationFn: (credentials: LoginRequest) =>
      request(apiClient.POST('/api/auth/login', { body: credentials }), {
        schema: loginResponseSchema,
      }),
  });
  const { mutateAsync: logout } = useMutation({
    mutationFn: () => request(apiClient.POST('/api/auth/logout', { body: {} })),
  });

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      const answer = await login(credentials);
      setState(
        'secondFactor' in answer
          ? { status: 'secondFactor', step: answer.secondFactor }
          : { status: 'signedIn', me: answer },
      );
    },
    [login],
  );

  const completeSignIn = useCallback((me: Me) => setState({ status: 'signedIn', me }), []);

  const signOut = useCallback(
    async (reason: 'signedOut' | 'passwordSet' = 'signedOut') => {
      await logout().catch(() => undefined);
      // Unsaved intake input is kept in this browser until saved; it leaves with the user.
      forgetLocalDrafts();
      setState({ status: 'signedOut', reason });
    },
    [logout],
  );

  const value = useMemo(
    () => ({ state, signIn, completeSignIn, signOut }),
    [state, signIn, completeSignIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages inside the shell. */
/**
 * What the signed-in seat may do, from its grants (`GET /api/auth/me`, the server's own table); a
 * page asks this, or a record's `allowedTransitions` and `can`, never compares seats.
 */
export function useCan(): (permission: Permission) => boolean {
  const { grants } = useMe();
  return (permission) => grants.includes(permission);
}

export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a session');
  return state.me;
}
