import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of the app's reads. A page shows what the server says now: a read is stale at once
 * (a page visit reads again), a failure shows at once (no silent retries: the user sees the Dutch
 * message and can try again), and returning to the window does not reload behind the user's back;
 * live events and mutations say what changed instead.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { retry: false },
  },
});
