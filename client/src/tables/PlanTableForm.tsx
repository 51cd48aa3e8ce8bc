import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  organisationKinds,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { CheckboxField } from '../core/fields';
import { messageOf } from '../core/messages';
import type { RegionMunicipalities } from '../core/region';
import { createTable, type Table } from './table-api';
import { inputId } from '../core/form-errors';
import { checkPlan, emptyPlan, planFieldOf, planResolver, type PlanValues } from './plan-form';

const kindHeading: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};

const id = (path: string) => inputId('tafel', path);

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
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { details } = checkPlan(values);
    if (!details) return;
    try {
      onPlanned(await createTable(details));
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
          description="Bijvoorbeeld “Uitstroomtafel Flevoland april”."
          error={errors.title?.message}
          {...form.register('title')}
        />
        <div className="table-form__row">
          <TextField
            id={id('date')}
            label="Datum"
            type="date"
            error={errors.date?.message}
            {...form.register('date')}
          />
          <TextField
            id={id('time')}
            label="Begintijd (Nederlandse tijd)"
            type="time"
            error={errors.time?.message}
            {...form.register('time')}
          />
        </div>
        <div className="table-form__row">
          <TextField
            id={id('location')}
            label="Plaats (niet verplicht)"
            description="Bijvoorbeeld “Stadhuis Almere, zaal 2”."
            error={errors.location?.message}
            {...form.register('location')}
          />
          <TextField
            id={id('videoUrl')}
            label="Videolink (niet verplicht)"
            type="url"
            inputMode="url"
            description="Begint met https://."
            error={errors.videoUrl?.message}
            {...form.register('videoUrl')}
          />
        </div>
        <SelectField
          id={id('municipalityCode')}
          label="Voor"
          error={errors.municipalityCode?.message}
          {...form.register('municipalityCode')}
        >
          <SelectOption value="">De hele regio</SelectOption>
          {region.municipalities.map((m) => (
            <SelectOption key={m.code} value={m.code}>
              Gemeente {m.name}
            </SelectOption>
          ))}
        </SelectField>
        <Fieldset
          invalid={!!errors.invitedOrganisationIds}
          className="table-invitations"
          aria-describedby={
            errors.invitedOrganisationIds ? `${id('invitedOrganisationIds')}-fout` : undefined
          }
        >
          <FieldsetLegend>Genodigde organisaties</FieldsetLegend>
          {errors.invitedOrganisationIds?.message && (
            <FormFieldErrorMessage id={`${id('invitedOrganisationIds')}-fout`}>
              {errors.invitedOrganisationIds.message}
            </FormFieldErrorMessage>
          )}
          <Paragraph className="table-form__hint">
            Zij zien de agenda zodra u die deelt, elk met wat hun rol van een casus mag zien.
          </Paragraph>
          {!organisations && <Paragraph role="status">Organisaties laden…</Paragraph>}
          <div className="table-invitations__groups">
            {organisations &&
              organisationKinds.map((kind) => {
                const ofKind = organisations.filter((o) => o.kind === kind);
                if (!ofKind.length) return null;
                return (
                  <Fieldset key={kind} className="table-invitations__group">
                    <FieldsetLegend>{kindHeading[kind]}</FieldsetLegend>
                    {ofKind.map((o, i) => (
                      <CheckboxField
                        key={o.id}
                        id={
                          i === 0 && kind === 'municipality'
                            ? id('invitedOrganisationIds')
                            : undefined
                        }
                        label={o.name}
                        value={o.id}
                        {...form.register('invitedOrganisationIds')}
                      />
                    ))}
                  </Fieldset>
                );
              })}
          </div>
        </Fieldset>
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
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
