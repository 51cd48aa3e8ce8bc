import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { deferSchema } from '@uitstroom/shared';
import { TextareaField } from '../core/fields';
import { messageOf } from '../core/messages';

// The reason of a deferral or a removal, as the shared schema checks it (the page adds the version).
const reasonSchema = deferSchema.pick({ reason: true });

/** A modal dialog: the rest of the page is inert, Escape closes it, focus returns to where it was. */
function useModal() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return dialogRef;
}

/** Asks a reason (at least ten characters) before taking a case off the agenda or deferring it. */
export function ReasonDialog({
  id,
  title,
  intro,
  label,
  submitLabel,
  closeLabel = 'Annuleren',
  onSubmit,
  onClose,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  label: string;
  submitLabel: string;
  /** The button that closes the dialog without the step. */
  closeLabel?: string;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}) {
  const dialogRef = useModal();
  const [failure, setFailure] = useState<string | null>(null);
  const [resolver] = useState(
    () => zodResolver(reasonSchema) as unknown as Resolver<{ reason: string }>,
  );
  const form = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await onSubmit(reason);
    } catch (error) {
      setFailure(messageOf(error));
    }
  });
  return (
    <dialog ref={dialogRef} className="case-dialog" aria-labelledby={`${id}-kop`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="case-dialog__form">
        <Heading level={2} id={`${id}-kop`}>
          {title}
        </Heading>
        <Paragraph>{intro}</Paragraph>
        <TextareaField
          id={`${id}-reden`}
          label={label}
          description="Minstens 10 tekens."
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
            {submitLabel}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => dialogRef.current?.close()}
          >
            {closeLabel}
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}

/** A question with a yes and a no, for a step that cannot be undone. */
export function ConfirmDialog({
  id,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const dialogRef = useModal();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const confirm = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(messageOf(error));
      setIsBusy(false);
    }
  };
  return (
    <dialog
      ref={dialogRef}
      className="case-dialog"
      aria-labelledby={`${id}-kop`}
      aria-describedby={`${id}-tekst`}
      onClose={onClose}
    >
      <div className="case-dialog__form">
        <Heading level={2} id={`${id}-kop`}>
          {title}
        </Heading>
        <div id={`${id}-tekst`}>{children}</div>
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            disabled={isBusy}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => dialogRef.current?.close()}
          >
            Annuleren
          </Button>
        </ButtonGroup>
      </div>
    </dialog>
  );
}
