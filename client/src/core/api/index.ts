import createClient from 'openapi-fetch';
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody, type ErrorIssue } from '@uitstroom/shared';
import type { paths } from './schema';

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

const networkMessage =
  'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
const internalMessage = 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';

/**
 * The API client, typed by the paths generated from the server's routes (`npm run api:types`):
 * a path, parameter or body that no route declares does not type-check.
 */
export const apiClient = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});

export type ApiPath = keyof paths;

interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * Awaits one call of `apiClient` and gives its data, or throws an `ApiError` in the one error shape.
 * A 401 anywhere but at sign-in ends the session (the shell sends the user to sign-in). A `schema`
 * parses the answer with the same zod schema the server used.
 */
export function request<S extends z.ZodType>(
  call: Promise<FetchResult<unknown>>,
  options: { schema: S; fallbackMessage?: string },
): Promise<z.output<S>>;
export function request<D>(
  call: Promise<FetchResult<D>>,
  options?: { fallbackMessage?: string },
): Promise<D>;
export async function request(
  call: Promise<FetchResult<unknown>>,
  options: { schema?: z.ZodType; fallbackMessage?: string } = {},
): Promise<unknown> {
  let result: FetchResult<unknown>;
  try {
    result = await call;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', networkMessage);
  }
  const { response } = result;
  if (!response.ok) throw errorOf(response, result.error, options.fallbackMessage);
  if (response.status === 204) return undefined;
  return options.schema ? options.schema.parse(result.data) : result.data;
}

function errorOf(response: Response, payload: unknown, fallbackMessage = internalMessage) {
  const parsed = errorBodySchema.safeParse(payload);
  const error: ErrorBody['error'] = parsed.success
    ? parsed.data.error
    : { code: 'INTERNAL', message: fallbackMessage, issues: [] };
  const path = new URL(response.url || '/', window.location.origin).pathname;
  if (response.status === 401 && path !== '/api/auth/login') {
    for (const listener of sessionEndedListeners)
      listener(error.code === 'SESSION_EXPIRED' ? 'expired' : 'unauthenticated');
  }
  return new ApiError(response.status, error.code, error.message, error.issues, error.details);
}

type PathParams = Record<string, string | number>;
type Query = Record<string, string | number | boolean | undefined> | URLSearchParams;

/**
 * The address of a GET route for a link (a download, a printable page): a path the routes declare,
 * its parameters filled in. Downloads stay links, so the browser saves the file itself.
 */
export function apiUrl(path: ApiPath, params: PathParams = {}, query?: Query): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params[name])),
  );
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query ?? {})
            .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
            .map(([key, value]) => [key, String(value)]),
        );
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/**
 * A page's URLSearchParams (filters kept in the address bar) as the query of a typed call; the
 * server's query schema checks it, as it checked the address before.
 */
export function queryOf(search: URLSearchParams): never {
  return Object.fromEntries(search) as never;
}

/** The options of a call that sends a file itself as the body (uploads), with its content type. */
export function fileBody(file: File, contentType = file.type) {
  return {
    body: file as never,
    bodySerializer: () => file,
    headers: { 'Content-Type': contentType },
  };
}
