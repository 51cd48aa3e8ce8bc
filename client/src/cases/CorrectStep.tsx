import { useState } from 'react';
import { Button } from '@utrecht/component-library-react';
import { correctStepSchema, stepConsequence } from '@uitstroom/shared';
import { ConfirmDialog } from '../core/ConfirmDialog';
import { ReasonDialog } from '../core/ReasonDialog';
import { correctStep, type ProjectedCase } from './case-api';
import { useCaseWrite } from './case-queries';

const reasonSchema = correctStepSchema.shape.reason.unwrap();

/**
 * "Herstellen" (issue 27.2, domain.md §4): the last step back, when the server says this reader
 * may (`correction` on the case). The one who took it that day is asked to confirm; the chair on
 * a later day gives a reason. Recorded as a correction, never by deleting the step.
 */
export function CorrectStep({
  view,
  onDone,
}: {
  view: ProjectedCase;
  onDone(view: ProjectedCase, notice: string): void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const write = useCaseWrite((reason: string | undefined) =>
    correctStep(view.id!, { version: view.version!, ...(reason ? { reason } : {}) }),
  );
  const correction = view.correction;
  if (!correction) return null;
  const title = `Herstellen: ${correction.label}`;
  const send = async (reason?: string) => {
    const next = await write.mutateAsync(reason);
    setIsOpen(false);
    onDone(next, `De stap ‘${correction.label}’ is hersteld en als herstel vastgelegd.`);
  };
  const dialog = correction.needsReason ? (
    <ReasonDialog
      id="herstellen"
      title={title}
      consequence={stepConsequence.correct}
      label="Reden van het herstel"
      submitLabel="Herstellen"
      schema={reasonSchema}
      onSubmit={send}
      onClose={() => setIsOpen(false)}
    />
  ) : (
    <ConfirmDialog
      id="herstellen"
      title={title}
      consequence={stepConsequence.correct}
      confirmLabel="Herstellen"
      onConfirm={() => send()}
      onClose={() => setIsOpen(false)}
    />
  );
  return (
    <>
      <Button type="button" appearance="secondary-action-button" onClick={() => setIsOpen(true)}>
        {title}
      </Button>
      {isOpen && dialog}
    </>
  );
}
