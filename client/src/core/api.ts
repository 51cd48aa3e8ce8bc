import type { z } from 'zod';
import { errorBodySchema, type ErrorBody, type ErrorIssue } from '@uitstroom/shared';

/** An error answer of the API, in its one shape; `message` is Dutch and fit to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type SessionEndedListener = (reason: 'expired' | 'unauthenticated') => void;
const sessionEndedListeners = new Set<SessionEndedListener>();
/** The app shell listens here: a 401 anywhere sends the user back to sign-in with a message. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** A small typed client: every answer is parsed with the same zod schema the server used. */
export async function api<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; schema?: S; signal?: AbortSignal } = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        options.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK',
      'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    );
  }
  if (response.status === 204) return undefined as z.output<S>;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    const error: ErrorBody['error'] = parsed.success
      ? parsed.data.error
      : {
          code: 'INTERNAL',
          message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
          issues: [],
        };
    if (response.status === 401 && path !== '/api/auth/login') {
      for (const listener of sessionEndedListeners)
        listener(error.code === 'SESSION_EXPIRED' ? 'expired' : 'unauthenticated');
    }
    throw new ApiError(response.status, error.code, error.message, error.issues, error.details);
  }
  return options.schema ? options.schema.parse(payload) : (payload as z.output<S>);
}
