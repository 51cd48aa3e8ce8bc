import { useState, type ReactNode } from 'react';
import { Heading } from '@utrecht/component-library-react';
import type { ProjectedSupport } from './support-api';
import type { FormProps } from './support-form';

/** A part of the panel: what the seat may read of the log, and the provider's form for it. */
export interface PartProps {
  support: ProjectedSupport;
  caseId: string;
  canWrite: boolean;
  onSaved: FormProps['onSaved'];
}

export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="support-part" aria-labelledby={id}>
      <Heading level={3} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * A provider's form under its part, folded away until opened (the log stays readable) and closed
 * again after a save. The form gets the `onSaved` that closes the fold.
 */
export function FoldedForm({
  summary,
  onSaved,
  children,
}: {
  summary: string;
  onSaved: FormProps['onSaved'];
  children(onSaved: FormProps['onSaved']): ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const savedAndClosed: FormProps['onSaved'] = (next, notice) => {
    setIsOpen(false);
    onSaved(next, notice);
  };
  return (
    <details
      className="support-fold"
      open={isOpen}
      onToggle={(e) => setIsOpen(e.currentTarget.open)}
    >
      <summary>{summary}</summary>
      {isOpen && children(savedAndClosed)}
    </details>
  );
}
