import { ApiError } from '../api';

/** The Dutch message of a failed read or write: the server's own, or the page's fallback. */
export function failureOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * A `failure` that gives the server's words only when it refused (a 4xx): for a lost connection or
 * a failure on the server's side the page's own sentence says better what went wrong.
 */
export function refusalOr(fallback: string): (error: unknown) => string {
  return (error) =>
    error instanceof ApiError && error.status !== 0 && error.status < 500
      ? error.message
      : fallback;
}

/** What the states of a read say when it fails; the page's `failure`, and `notFound` for a 404. */
export interface FailureWording {
  /** The fallback message when the failure is not the API's own; or the whole message, from the error. */
  failure: string | ((error: unknown) => string);
  /** The message when the server answers 404: a record that does not exist or is out of scope. */
  notFound?: string;
}

export function failureMessage(error: unknown, { failure, notFound }: FailureWording): string {
  if (notFound !== undefined && error instanceof ApiError && error.status === 404) return notFound;
  return typeof failure === 'function' ? failure(error) : failureOf(error, failure);
}
