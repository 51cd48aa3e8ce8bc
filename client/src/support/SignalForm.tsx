import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Button } from '@utrecht/component-library-react';
import {
  formatDutchDate,
  raiseSignalSchema,
  signalKindLabel,
  signalKinds,
  signalSeverities,
  signalSeverityLabel,
  type RaiseSignal,
} from '@uitstroom/shared';
import { ConfirmPending, useConfirmedSubmit, type ConfirmedSubmit } from '../core/ConfirmDialog';
import { FailureAlert } from '../core/FailureAlert';
import {
  CheckboxField,
  DateField,
  emptyAsUndefined,
  OptionsField,
  optionsOf,
  TextareaField,
} from '../core/fields';
import { todayIsoDate } from '../core/format';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { fetchEscalationTables, raiseSignal, type EscalationTable } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';
import { escalationConsequence, signalNotice } from './support-wording';

type SignalFormApi = UseFormReturn<RaiseSignal>;

/**
 * A signal (arrears, nuisance, relapse), told to the seats that must act on it. Escalating puts
 * the case on a table's agenda as well: that is asked first, saying what follows and who is told.
 */
export function SignalForm(props: FormProps) {
  const [isEscalating, setIsEscalating] = useState(false);
  const tables = useQuery({
    queryKey: queryKeys.escalationTables,
    queryFn: ({ signal }) => fetchEscalationTables(signal),
    enabled: isEscalating,
  });
  const form = useForm({
    resolver: zodResolver(raiseSignalSchema),
    defaultValues: {
      kind: undefined as never,
      severity: undefined as never,
      date: todayIsoDate(),
      description: '',
      escalateToTableId: undefined,
    },
    ...checkOnSubmit,
  });
  const { failure, save } = useSupportSave(props, form.setError, [
    'kind',
    'severity',
    'date',
    'description',
    'escalateToTableId',
  ]);
  const confirmation = useConfirmedSubmit<RaiseSignal>();
  const tableOf = (values: RaiseSignal) =>
    isEscalating ? tables.data?.find((t) => t.id === values.escalateToTableId) : undefined;
  const send = (values: RaiseSignal) =>
    save(
      () =>
        raiseSignal(props.caseId, {
          ...values,
          escalateToTableId: isEscalating ? values.escalateToTableId : undefined,
        }),
      signalNotice(tableOf(values)?.title ?? null),
    );
  const submit = form.handleSubmit((values) => {
    if (!isEscalating) return send(values);
    if (!values.escalateToTableId)
      return form.setError('escalateToTableId', { message: 'Kies een tafel.' });
    confirmation.ask(values);
  });
  const toggleEscalation = (checked: boolean) => {
    setIsEscalating(checked);
    if (!checked) form.unregister('escalateToTableId');
  };
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Signaal melden">
      <SignalFields form={form} />
      <CheckboxField
        id="signaal-escaleren"
        label="Op de agenda van een tafel zetten (escalatie)"
        checked={isEscalating}
        onChange={(e) => toggleEscalation(e.target.checked)}
        description="De casus blijft in de nazorg; de tafel bespreekt hem."
      />
      {isEscalating && <TableField form={form} tables={tables} />}
      <FailureAlert failure={failure} />
      <Button
        type="submit"
        appearance="primary-action-button"
        disabled={form.formState.isSubmitting}
      >
        {isEscalating ? 'Signaal melden en escaleren' : 'Signaal melden'}
      </Button>
      <ConfirmEscalation confirmation={confirmation} tableOf={tableOf} send={send} />
    </form>
  );
}

/** The question before escalating: the table, what follows and who is told. */
function ConfirmEscalation({
  confirmation,
  tableOf,
  send,
}: {
  confirmation: ConfirmedSubmit<RaiseSignal>;
  tableOf(values: RaiseSignal): EscalationTable | undefined;
  send(values: RaiseSignal): Promise<void>;
}) {
  const { pending } = confirmation;
  const table = pending && tableOf(pending);
  return (
    <ConfirmPending
      id="signaal-bevestigen"
      title="Signaal melden en escaleren"
      consequence={pending && table ? escalationConsequence(pending.kind, table.title) : ''}
      confirmLabel="Signaal melden en escaleren"
      confirmation={confirmation}
      send={send}
    />
  );
}

/** What the signal is: its kind, how serious, when, and in words for the case manager. */
function SignalFields({ form }: { form: SignalFormApi }) {
  const { errors } = form.formState;
  return (
    <>
      <div className="support-row">
        <OptionsField
          id="signaal-soort"
          label="Soort signaal"
          placeholder="Kies de soort"
          options={optionsOf(signalKinds, signalKindLabel)}
          error={errors.kind?.message}
          {...form.register('kind', { setValueAs: emptyAsUndefined })}
        />
        <OptionsField
          id="signaal-ernst"
          label="Ernst"
          placeholder="Kies de ernst"
          options={optionsOf(signalSeverities, signalSeverityLabel)}
          error={errors.severity?.message}
          {...form.register('severity', { setValueAs: emptyAsUndefined })}
        />
        <DateField
          id="signaal-datum"
          label="Datum"
          error={errors.date?.message}
          {...form.register('date')}
        />
      </div>
      <TextareaField
        id="signaal-omschrijving"
        label="Omschrijving"
        description="Minstens 10 tekens. Alleen de nazorgaanbieder en de casemanager lezen de omschrijving; de corporatie en de gemeente horen alleen de soort."
        error={errors.description?.message}
        {...form.register('description')}
      />
    </>
  );
}

/** The table to escalate to, among the region's upcoming ones (read once escalating is ticked). */
function TableField({
  form,
  tables,
}: {
  form: SignalFormApi;
  tables: UseQueryResult<EscalationTable[]>;
}) {
  if (tables.isError)
    return <QueryStatus query={tables} failure="De tafels konden niet worden geladen." />;
  const placeholder = !tables.data
    ? 'Tafels laden…'
    : tables.data.length
      ? 'Kies een tafel'
      : 'Er is geen tafel gepland';
  return (
    <OptionsField
      id="signaal-tafel"
      label="Tafel"
      placeholder={placeholder}
      options={(tables.data ?? []).map((t) => ({
        value: t.id,
        label: `${t.title} (${formatDutchDate(t.startsAt)})`,
      }))}
      error={form.formState.errors.escalateToTableId?.message}
      {...form.register('escalateToTableId', { setValueAs: emptyAsUndefined })}
    />
  );
}
