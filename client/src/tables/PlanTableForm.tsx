import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import type { RegionOrganisation } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { messageOf } from '../core/messages';
import type { RegionMunicipalities } from '../core/region';
import type { Table } from './table-api';
import { usePlanTable } from './table-mutations';
import { InviteesFieldset, TableWhenWhereFields, tableFieldId } from './TableDetailsFields';
import { checkPlan, emptyPlan, planFieldOf, planResolver, type PlanValues } from './plan-form';

const id = tableFieldId;

/** The chair's form to plan a table: when, where, for whom, and who is invited. */
export function PlanTableForm({
  region,
  organisations,
  onPlanned,
  onCancel,
}: {
  region: RegionMunicipalities;
  organisations: readonly RegionOrganisation[] | null;
  onPlanned(table: Table): void;
  onCancel(): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  // Checked on "Plannen", then at every change: never on leaving a field.
  const form = useForm<PlanValues>({
    defaultValues: emptyPlan,
    resolver: planResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = form.formState;
  const plan = usePlanTable();

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { details } = checkPlan(values);
    if (!details) return;
    try {
      onPlanned(await plan.mutateAsync(details));
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        form.setError(planFieldOf(issue.path), { message: issue.message });
      if (!issues.length) setFailure(messageOf(error, 'De tafel kon niet worden gepland.'));
    }
  });

  return (
    <section className="table-card table-plan" aria-labelledby="plannen-kop">
      <Heading level={2} id="plannen-kop" tabIndex={-1}>
        Tafel plannen
      </Heading>
      <form noValidate onSubmit={submit} className="table-form" aria-labelledby="plannen-kop">
        <TextField
          id={id('title')}
          label="Naam van de tafel"
          description="Bijvoorbeeld “Uitstroomtafel Flevoland maart”."
          error={errors.title?.message}
          {...form.register('title')}
        />
        <TableWhenWhereFields form={form} />
        <TableForField form={form} region={region} />
        <InviteesFieldset
          form={form}
          organisations={organisations}
          hint="Zij zien de agenda zodra u die deelt, elk met wat hun rol van een casus mag zien."
        />
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={plan.isPending}>
            Tafel plannen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** For whom the table meets: the whole region, or one municipality. */
function TableForField({
  form,
  region,
}: {
  form: UseFormReturn<PlanValues>;
  region: RegionMunicipalities;
}) {
  return (
    <SelectField
      id={id('municipalityCode')}
      label="Voor"
      error={form.formState.errors.municipalityCode?.message}
      {...form.register('municipalityCode')}
    >
      <SelectOption value="">De hele regio</SelectOption>
      {region.municipalities.map((m) => (
        <SelectOption key={m.code} value={m.code}>
          Gemeente {m.name}
        </SelectOption>
      ))}
    </SelectField>
  );
}
