import { Alert, Paragraph } from '@utrecht/component-library-react';

/** A refused or failed action, in the server's Dutch words (or the page's own); nothing without one. */
export function FailureAlert({ failure }: { failure: string | null | undefined }) {
  if (!failure) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{failure}</Paragraph>
    </Alert>
  );
}
