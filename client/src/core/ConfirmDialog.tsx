import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { FailureAlert } from './FailureAlert';
import { messageOf } from './messages';

/**
 * A modal dialog (`<dialog>` with `showModal`): the rest of the page is inert, Escape closes it,
 * focus moves into it and returns to the button that opened it when it closes.
 */
export function useModal() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return dialogRef;
}

/**
 * The foot of a dialog: the step and a way out. Without `onConfirm` the step is the submit button
 * of the dialog's form.
 */
export function DialogButtons({
  label,
  isBusy,
  onConfirm,
  onCancel,
  cancelLabel = 'Annuleren',
}: {
  label: string;
  isBusy: boolean;
  onConfirm?(): void;
  onCancel(): void;
  cancelLabel?: string;
}) {
  return (
    <ButtonGroup>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        appearance="primary-action-button"
        disabled={isBusy}
        onClick={onConfirm}
      >
        {label}
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </ButtonGroup>
  );
}

/** A step that a caller refuses before it goes to the server (a missing reason): its Dutch words. */
export class StepRefusal extends Error {}

/**
 * The question before a step that changes a case (issue 27.1): a title, one line saying what
 * follows and who is told (`consequence`, read out as the dialog's description), anything the
 * step needs on top (a list of what is still open, a reason), and a yes and a no. A refusal by the
 * server (or a `StepRefusal` of the caller) stays in the dialog, in Dutch.
 */
interface ConfirmDialogProps {
  id: string;
  title: string;
  consequence: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({
  id,
  title,
  consequence,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const dialogRef = useModal();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const confirm = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(error instanceof StepRefusal ? error.message : messageOf(error));
      setIsBusy(false);
    }
  };
  return (
    <dialog
      ref={dialogRef}
      className="case-dialog"
      aria-labelledby={`${id}-kop`}
      aria-describedby={`${id}-gevolg`}
      onClose={onClose}
    >
      <div className="case-dialog__form">
        <Heading level={2} id={`${id}-kop`}>
          {title}
        </Heading>
        <Paragraph id={`${id}-gevolg`} className="case-dialog__consequence">
          {consequence}
        </Paragraph>
        {children}
        <FailureAlert failure={failure} />
        <DialogButtons
          label={confirmLabel}
          isBusy={isBusy}
          onConfirm={() => void confirm()}
          onCancel={() => dialogRef.current?.close()}
        />
      </div>
    </dialog>
  );
}

/**
 * A form whose submit asks first: `ask(values)` opens the dialog once the form is valid, and the
 * dialog's yes sends those values. `pending` is what waits for the answer (null: no dialog).
 */
export function useConfirmedSubmit<T>(): ConfirmedSubmit<T> {
  const [pending, setPending] = useState<T | null>(null);
  return {
    pending,
    ask: (values: T) => setPending(values),
    close: () => setPending(null),
  };
}

export interface ConfirmedSubmit<T> {
  pending: T | null;
  ask(values: T): void;
  close(): void;
}

/**
 * The dialog of a `useConfirmedSubmit` form while values wait for the answer: yes sends them with
 * `send` (which reports a refusal at the form's fields itself) and closes the dialog after.
 */
export function ConfirmPending<T>({
  confirmation,
  send,
  ...dialog
}: Omit<ConfirmDialogProps, 'onConfirm' | 'onClose'> & {
  confirmation: ConfirmedSubmit<T>;
  send(values: T): Promise<void>;
}) {
  const { pending } = confirmation;
  if (pending === null) return null;
  return (
    <ConfirmDialog
      {...dialog}
      onClose={confirmation.close}
      onConfirm={async () => {
        await send(pending);
        confirmation.close();
      }}
    />
  );
}
