import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { DialogButtons, useModal } from '../core/ConfirmDialog';
import {
  caseOutcomeLabel,
  caseTransitionRequestSchema,
  dutchToday,
  openItemsAtClosing,
  transitions,
} from '@uitstroom/shared';
import { transitionCase, type ProjectedCase } from './case-api';
import { messageOf } from '../core/messages';
import { useCaseDecisionQuery, useCaseWrite } from './case-queries';
import { hasDecision } from './case-page-parts';
import { ChoiceGroup, TextareaField } from '../core/fields';
import { FailureAlert } from '../core/FailureAlert';

// The withdraw branch of the shared request, without the version (the page adds the one it read).
const withdrawSchema = caseTransitionRequestSchema.options[1].omit({
  transition: true,
  version: true,
});
interface WithdrawValues {
  outcome: '' | 'withdrawn' | 'droppedOut';
  reason: string;
}

/** The form of outcome and reason, checked by the shared schema. */
function useWithdrawForm() {
  const [resolver] = useState(
    () => zodResolver(withdrawSchema) as unknown as Resolver<WithdrawValues>,
  );
  // Not on blur: a message appearing as focus leaves a field would move the next option from under the click.
  return useForm<WithdrawValues>({
    defaultValues: { outcome: '', reason: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

/**
 * The table's preconditions not done yet, in the words the closing of follow-up support uses: a
 * withdrawal leaves them undone, so the dialog names them before the case is closed.
 */
function OpenPreconditions({ view }: { view: ProjectedCase }) {
  // The decision panel has read it already; before the table decided there is none to ask for.
  const decision = useCaseDecisionQuery(view.id!, hasDecision(view)).data;
  const open = (decision?.preconditions ?? []).filter((p) => !p.isDone);
  if (open.length === 0) return null;
  const items = openItemsAtClosing({ signals: [], preconditions: open, closedOn: dutchToday() });
  return (
    <Alert type="warning">
      <Paragraph>Er staat nog open:</Paragraph>
      <UnorderedList>
        {items.map((item) => (
          <UnorderedListItem key={item}>{item}</UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/** Closing a case before the move: outcome and a reason of at least ten characters, in a modal dialog. */
export function WithdrawDialog({
  view,
  onClose,
  onDone,
}: {
  view: ProjectedCase;
  onClose(): void;
  onDone(view: ProjectedCase): void;
}) {
  const dialogRef = useModal();
  const withdraw = useCaseWrite((values: WithdrawValues) =>
    transitionCase(view.id!, {
      transition: 'withdraw',
      version: view.version!,
      outcome: values.outcome as 'withdrawn' | 'droppedOut',
      reason: values.reason,
    }),
  );
  const form = useWithdrawForm();
  const { errors, isSubmitting } = form.formState;

  // A refusal shows in the dialog, from the write itself.
  const submit = form.handleSubmit((values) =>
    withdraw.mutateAsync(values).then(onDone, () => undefined),
  );

  return (
    <dialog
      ref={dialogRef}
      className="case-dialog"
      aria-labelledby="terugtrekken-kop"
      aria-describedby="terugtrekken-gevolg"
      onClose={onClose}
    >
      <form noValidate onSubmit={submit} className="case-dialog__form">
        <Heading level={2} id="terugtrekken-kop">
          Casus terugtrekken
        </Heading>
        <Paragraph>{transitions.withdraw.description}</Paragraph>
        <Paragraph id="terugtrekken-gevolg">{transitions.withdraw.consequence}</Paragraph>
        <OpenPreconditions view={view} />
        <ChoiceGroup
          id="terugtrekken-uitkomst"
          type="radio"
          legend="Uitkomst"
          error={errors.outcome?.message}
          registration={form.register('outcome')}
          options={[
            { value: 'withdrawn', label: caseOutcomeLabel.withdrawn },
            { value: 'droppedOut', label: caseOutcomeLabel.droppedOut },
          ]}
        />
        <TextareaField
          id="terugtrekken-reden"
          label="Reden"
          description="Minstens 10 tekens."
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <FailureAlert failure={withdraw.isError ? messageOf(withdraw.error) : null} />
        <DialogButtons
          label="Casus afsluiten"
          isBusy={isSubmitting}
          onCancel={() => dialogRef.current?.close()}
        />
      </form>
    </dialog>
  );
}
