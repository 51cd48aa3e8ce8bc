import { useMutation, type QueryKey } from '@tanstack/react-query';
import { queryClient } from './query-client';

/** One write of a page, and what in the cache it changes. */
export interface Write<TVars, TData> {
  /** The call to the API. */
  write: (vars: TVars) => Promise<TData>;
  /** The answer is the resource's new state: it replaces the cached one under this key at once. */
  sets?: (data: TData, vars: TVars) => QueryKey;
  /** What else the write changes: these queries are read again (their prefixes match). */
  invalidates?: (data: TData, vars: TVars) => readonly QueryKey[];
}

/** Writes the answer of a write into the cache and invalidates what else it changed. */
export function applyWrite<TVars, TData>(
  { sets, invalidates }: Omit<Write<TVars, TData>, 'write'>,
  data: TData,
  vars: TVars,
): Promise<unknown> {
  if (sets) queryClient.setQueryData(sets(data, vars), data);
  return Promise.all(
    (invalidates?.(data, vars) ?? []).map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * The common pattern of every write: a `useMutation` that, on success, sets the resource it answers
 * with and invalidates exactly the queries the write changes. `mutateAsync` resolves once the
 * changed queries that are on screen have been read again, so what follows sees them fresh.
 */
export function useWrite<TVars, TData>(options: Write<TVars, TData>) {
  return useMutation({
    mutationFn: options.write,
    onSuccess: (data, vars) => applyWrite(options, data, vars),
  });
}
