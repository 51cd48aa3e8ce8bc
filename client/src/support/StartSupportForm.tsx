import { useForm, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { startSupportSchema, transitions, type StartSupport } from '@uitstroom/shared';
import { ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { FailureAlert } from '../core/FailureAlert';
import { TextField } from '../core/form';
import { DateField, OptionsField } from '../core/fields';
import { todayIsoDate } from '../core/format';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { fetchRegionOrganisations } from '../core/region';
import { startSupport, type ProjectedSupport } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';
import { parseDutchNumber } from './support-wording';

type RecordedMove = NonNullable<ProjectedSupport['recordedMove']>;

/**
 * Starting support. When the move-in is recorded (placements), the key handover date and the
 * landlord come from it: shown read-only and not sent (the server takes the recorded values).
 */
export function StartSupportForm({
  caseVersion,
  recordedMove,
  ...props
}: FormProps & { caseVersion: number; recordedMove: RecordedMove | null }) {
  const form = useForm({
    resolver: zodResolver(startSupportSchema),
    defaultValues: {
      version: caseVersion,
      keyHandoverDate: recordedMove?.keyHandoverDate ?? todayIsoDate(),
      startedOn: todayIsoDate(),
      landlordOrganisationId: recordedMove?.landlordOrganisationId ?? '',
      hoursPerWeek: undefined as unknown as number,
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'keyHandoverDate',
    'startedOn',
    'landlordOrganisationId',
    'hoursPerWeek',
  ]);
  const confirmation = useConfirmedSubmit<StartSupport>();
  const send = (values: StartSupport) =>
    save(
      () =>
        startSupport(
          props.caseId,
          recordedMove
            ? {
                version: caseVersion,
                startedOn: values.startedOn,
                hoursPerWeek: values.hoursPerWeek,
              }
            : { ...values, version: caseVersion },
        ),
      'De nazorg is gestart. De casus staat nu in de nazorg.',
    );
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={form.handleSubmit(confirmation.ask)}
      aria-label="Nazorg starten"
    >
      <Paragraph>
        {recordedMove
          ? 'U bent de nazorgaanbieder uit het besluit. De sleuteloverdracht en de verhuurder zijn bij de verhuizing vastgelegd. Leg de start en het aantal uren begeleiding vast om de nazorg te starten.'
          : 'U bent de nazorgaanbieder uit het besluit. Leg de sleuteloverdracht, de verhuurder en het aantal uren begeleiding vast om de nazorg te starten.'}
      </Paragraph>
      <MoveFields form={form} recordedMove={recordedMove} />
      <TextField
        id="start-uren"
        inputMode="decimal"
        label="Uren begeleiding per week"
        description="Bijvoorbeeld 4 of 2,5."
        error={errors.hoursPerWeek?.message}
        {...form.register('hoursPerWeek', { setValueAs: parseDutchNumber })}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Nazorg starten
      </Button>
      <ConfirmPending
        id="start-bevestigen"
        title={transitions.startAftercare.label}
        consequence={transitions.startAftercare.consequence}
        confirmLabel="Nazorg starten"
        confirmation={confirmation}
        send={send}
      />
    </form>
  );
}

/** The key handover and the landlord: read-only when the move-in recorded them. */
function MoveFields({
  form,
  recordedMove,
}: {
  form: UseFormReturn<StartSupport>;
  recordedMove: RecordedMove | null;
}) {
  return (
    <>
      <div className="support-row">
        <DateField
          id="start-sleutels"
          label="Datum sleuteloverdracht"
          readOnly={recordedMove !== null}
          description={recordedMove ? 'Vastgelegd bij de verhuizing.' : undefined}
          error={form.formState.errors.keyHandoverDate?.message}
          {...form.register('keyHandoverDate')}
        />
        <DateField
          id="start-datum"
          label="Start van de nazorg"
          error={form.formState.errors.startedOn?.message}
          {...form.register('startedOn')}
        />
      </div>
      {recordedMove ? (
        <TextField
          id="start-verhuurder"
          label="Verhuurder (woningcorporatie)"
          readOnly
          value={recordedMove.landlordName}
          description="De corporatie die de woning aanbood; vastgelegd bij de verhuizing."
          error={form.formState.errors.landlordOrganisationId?.message}
        />
      ) : (
        <LandlordField
          error={form.formState.errors.landlordOrganisationId?.message}
          registration={form.register('landlordOrganisationId')}
        />
      )}
    </>
  );
}

/** The landlord, among the region's corporations, when no move-in names it. */
function LandlordField({
  error,
  registration,
}: {
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  const organisations = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
  });
  const corporations = organisations.data?.filter((o) => o.kind === 'corporation');
  return (
    <>
      <OptionsField
        id="start-verhuurder"
        label="Verhuurder (woningcorporatie)"
        placeholder={organisations.isPending ? 'Corporaties laden…' : 'Kies de corporatie'}
        options={(corporations ?? []).map((c) => ({ value: c.id, label: c.name }))}
        error={error}
        {...registration}
      />
      <QueryStatus query={organisations} failure="De corporaties konden niet worden geladen." />
    </>
  );
}
