import { ApiError } from './api';

/** The Dutch message of a failed call: the server's own, or the caller's fallback. */
export function messageOf(
  error: unknown,
  fallback = 'Dat is niet gelukt. Probeer het opnieuw.',
): string {
  return error instanceof ApiError ? error.message : fallback;
}
