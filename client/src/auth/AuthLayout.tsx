import type { ReactNode } from 'react';
import { PageContent, SkipLink } from '@utrecht/component-library-react';

/** The frame of the pages before sign-in: a card in the middle. */
export function AuthLayout({ children, label }: { children: ReactNode; label: string }) {
  return (
    <>
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <PageContent className="login-page">
        <main id="inhoud" className="login-card" aria-label={label}>
          {children}
        </main>
      </PageContent>
    </>
  );
}
