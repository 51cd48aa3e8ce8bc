import { useState, type ReactNode } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import { TextareaField } from './fields';
import { FailureAlert } from './FailureAlert';
import { messageOf } from './messages';
import { DialogButtons, useModal } from './ConfirmDialog';

/**
 * The question before a step that needs a reason (defer, take off the agenda, withdraw an offer,
 * refuse a placement, a chair's correction): the title, one line saying what follows and who is
 * told, anything else the step shows, and the reason checked by the step's shared schema before it
 * is sent. A refusal by the server stays in the dialog.
 */
export function ReasonDialog({
  id,
  title,
  consequence,
  children,
  label = 'Reden',
  submitLabel,
  closeLabel = 'Annuleren',
  schema,
  onSubmit,
  onClose,
}: {
  id: string;
  title: string;
  consequence: ReactNode;
  children?: ReactNode;
  label?: string;
  submitLabel: string;
  /** The button that closes the dialog without the step. */
  closeLabel?: string;
  schema: z.ZodType<string, string>;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}) {
  const dialogRef = useModal();
  const [reason, setReason] = useState('');
  const { error, failure, isBusy, submit } = useReasonSubmit(schema, onSubmit);
  return (
    <dialog
      ref={dialogRef}
      className="case-dialog"
      aria-labelledby={`${id}-kop`}
      aria-describedby={`${id}-gevolg`}
      onClose={onClose}
    >
      <form
        noValidate
        className="case-dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          // A dialog may sit inside another form in the React tree: its submit is its own.
          e.stopPropagation();
          void submit(reason);
        }}
      >
        <Heading level={2} id={`${id}-kop`}>
          {title}
        </Heading>
        <Paragraph id={`${id}-gevolg`} className="case-dialog__consequence">
          {consequence}
        </Paragraph>
        {children}
        <TextareaField
          id={`${id}-reden`}
          label={label}
          description="Minstens 10 tekens."
          error={error}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <FailureAlert failure={failure} />
        <DialogButtons
          label={submitLabel}
          isBusy={isBusy}
          cancelLabel={closeLabel}
          onCancel={() => dialogRef.current?.close()}
        />
      </form>
    </dialog>
  );
}

/** The reason checked by the step's schema, then sent; the server's refusal kept for the dialog. */
function useReasonSubmit(
  schema: z.ZodType<string, string>,
  onSubmit: (reason: string) => Promise<void>,
) {
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (reason: string) => {
    const checked = schema.safeParse(reason);
    setError(checked.success ? undefined : checked.error.issues[0]!.message);
    if (!checked.success) return;
    setIsBusy(true);
    setFailure(null);
    try {
      await onSubmit(checked.data);
    } catch (caught) {
      setFailure(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return { error, failure, isBusy, submit };
}
