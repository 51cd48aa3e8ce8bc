import { useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  caseOutcomeLabel,
  caseOutcomes,
  closeSupportSchema,
  isOutcomeAllowed,
  openItemsAtClosing,
  transitions,
  type CloseSupport,
} from '@uitstroom/shared';
import { ConfirmDialog, useConfirmedSubmit } from '../core/ConfirmDialog';
import { ReasonDialog } from '../core/ReasonDialog';
import { ApiError } from '../core/api';
import { FailureAlert } from '../core/FailureAlert';
import { DateField, emptyAsUndefined, OptionsField, optionsOf } from '../core/fields';
import { todayIsoDate } from '../core/format';
import { closeSupport, type ProjectedSupport, useSupportWrite } from './support-api';
import { checkOnSubmit, useServerFailure, type FormProps } from './support-form';

/** After a move the case ends where the resident lives now, or in dropping out (the `close` step's outcomes). */
const closingOutcomes = caseOutcomes.filter((o) => isOutcomeAllowed('close', o));
const openItemsReasonSchema = closeSupportSchema.shape.openItemsReason.unwrap();

/** Closing the case after follow-up support: an outcome and a date, asked first (issue 27.1). */
export function CloseForm({
  caseId,
  caseVersion,
  startedOn,
  signals,
  openPreconditions,
  onSaved,
}: FormProps & {
  caseVersion: number;
  startedOn: string | null;
  signals: ProjectedSupport['signals'];
  openPreconditions: ProjectedSupport['openPreconditions'];
}) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(closeSupportSchema),
    defaultValues: { version: caseVersion, outcome: undefined as never, closedOn: todayIsoDate() },
    ...checkOnSubmit,
  });
  const { failure, setFailure, report } = useServerFailure(form.setError, ['outcome', 'closedOn']);
  const confirmation = useConfirmedSubmit<CloseSupport>();
  const send = async (values: CloseSupport) => {
    setFailure(null);
    onSaved(
      await write.mutateAsync(() => closeSupport(caseId, { ...values, version: caseVersion })),
      `De casus is afgesloten met de uitkomst “${caseOutcomeLabel[values.outcome]}”. Alleen de nametingen staan nog open.`,
    );
  };
  const confirm = async (values: CloseSupport) => {
    try {
      await send(values);
    } catch (error) {
      // A field of the form (outcome, date) is shown at the form; anything else in the dialog.
      if (!(error instanceof ApiError && error.code === 'VALIDATION_FAILED')) throw error;
      if (error.issues.some((i) => i.path === 'openItemsReason')) throw error;
      report(error);
    }
    confirmation.close();
  };
  return (
    <>
      <form
        className="support-form"
        noValidate
        onSubmit={form.handleSubmit(confirmation.ask)}
        aria-label="Casus afsluiten"
      >
        <Paragraph>
          Sluit de nazorg af met een uitkomst en een datum. Daarna is het logboek alleen nog te
          lezen; de nametingen na 6 en 12 maanden blijven open.
        </Paragraph>
        <CloseFields form={form} startedOn={startedOn} />
        <FailureAlert failure={failure} />
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={form.formState.isSubmitting}
        >
          Casus afsluiten
        </Button>
      </form>
      {confirmation.pending && (
        <CloseDialog
          values={confirmation.pending}
          openItems={openItemsAtClosing({
            signals: signals ?? [],
            preconditions: openPreconditions ?? [],
            closedOn: confirmation.pending.closedOn,
          })}
          onClose={confirmation.close}
          onConfirm={(openItemsReason) => confirm({ ...confirmation.pending!, openItemsReason })}
        />
      )}
    </>
  );
}

function CloseFields({
  form,
  startedOn,
}: {
  form: UseFormReturn<CloseSupport>;
  startedOn: string | null;
}) {
  const { errors } = form.formState;
  return (
    <div className="support-row">
      <OptionsField
        id="afsluiten-uitkomst"
        label="Uitkomst"
        placeholder="Kies de uitkomst"
        options={optionsOf(closingOutcomes, caseOutcomeLabel)}
        error={errors.outcome?.message}
        {...form.register('outcome', { setValueAs: emptyAsUndefined })}
      />
      <DateField
        id="afsluiten-datum"
        label="Datum van afsluiten"
        min={startedOn ?? undefined}
        max={todayIsoDate()}
        description={startedOn ? 'Tussen de start van de nazorg en vandaag.' : undefined}
        error={errors.closedOn?.message}
        {...form.register('closedOn')}
      />
    </div>
  );
}

/**
 * The question before closing (issue 27.1): what follows, who is told, and what is still open
 * (signals of the last months, preconditions not done). With anything open, a reason is asked.
 */
function CloseDialog({
  values,
  openItems,
  onClose,
  onConfirm,
}: {
  values: CloseSupport;
  openItems: string[];
  onClose(): void;
  onConfirm(openItemsReason: string | undefined): Promise<void>;
}) {
  const title = `Afsluiten met de uitkomst “${caseOutcomeLabel[values.outcome]}”`;
  const consequence = transitions.close.consequence;
  if (openItems.length === 0)
    return (
      <ConfirmDialog
        id="afsluiten-bevestigen"
        title={title}
        consequence={consequence}
        confirmLabel="Casus afsluiten"
        onClose={onClose}
        onConfirm={() => onConfirm(undefined)}
      />
    );
  return (
    <ReasonDialog
      id="afsluiten-bevestigen"
      title={title}
      consequence={consequence}
      label="Reden om toch af te sluiten"
      submitLabel="Toch afsluiten"
      schema={openItemsReasonSchema}
      onClose={onClose}
      onSubmit={onConfirm}
    >
      <Alert type="warning">
        <Paragraph>Er staat nog open:</Paragraph>
        <UnorderedList>
          {openItems.map((item) => (
            <UnorderedListItem key={item}>{item}</UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </ReasonDialog>
  );
}
