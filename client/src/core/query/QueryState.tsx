import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { failureMessage, type FailureWording } from './failure-wording';

export { failureOf } from './failure-wording';

/**
 * Loading and error states of a read, in one place: a polite "…laden" while it loads, the failure
 * as an alert, and the page's content once the data is there.
 */
export function QueryState<T>({
  query,
  children,
  ...status
}: FailureWording & {
  query: UseQueryResult<T>;
  loading: string;
  /** The label of a button in the alert that reads again ("Opnieuw proberen"); no button without it. */
  retry?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  return <QueryStatus query={query} {...status} />;
}

/**
 * The loading and error states alone, for a page that lays out its data itself (beside a form, or
 * keeping the previous page while the next loads): nothing once there is data.
 */
export function QueryStatus({
  query,
  loading,
  retry,
  ...wording
}: FailureWording & {
  query: Pick<UseQueryResult, 'data' | 'isError' | 'error' | 'refetch'>;
  /** Without it, nothing shows while loading (the page says so itself, in a count line). */
  loading?: string;
  retry?: string;
}) {
  if (query.data !== undefined) return null;
  if (query.isError)
    return (
      <Alert type="error" role="alert">
        <Paragraph>{failureMessage(query.error, wording)}</Paragraph>
        {retry && (
          <Paragraph>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => void query.refetch()}
            >
              {retry}
            </Button>
          </Paragraph>
        )}
      </Alert>
    );
  return loading ? <Paragraph role="status">{loading}</Paragraph> : null;
}
