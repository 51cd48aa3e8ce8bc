import type { UseFormReturn } from 'react-hook-form';
import {
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  organisationKinds,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { TextField } from '../core/form';
import { CheckboxField } from '../core/fields';
import { inputId } from '../core/form-errors';
import type { PlanValues } from './plan-form';

const kindHeading: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};

export const tableFieldId = (path: string) => inputId('tafel', path);

/** When and where a table meets: date, time (Dutch time), place and video link. */
export function TableWhenWhereFields({ form }: { form: UseFormReturn<PlanValues> }) {
  const { errors } = form.formState;
  return (
    <>
      <div className="table-form__row">
        <TextField
          id={tableFieldId('date')}
          label="Datum"
          type="date"
          error={errors.date?.message}
          {...form.register('date')}
        />
        <TextField
          id={tableFieldId('time')}
          label="Begintijd (Nederlandse tijd)"
          type="time"
          error={errors.time?.message}
          {...form.register('time')}
        />
      </div>
      <div className="table-form__row">
        <TextField
          id={tableFieldId('location')}
          label="Plaats (niet verplicht)"
          description="Bijvoorbeeld “Stadhuis Almere, zaal 2”."
          error={errors.location?.message}
          {...form.register('location')}
        />
        <TextField
          id={tableFieldId('videoUrl')}
          label="Videolink (niet verplicht)"
          type="url"
          inputMode="url"
          description="Begint met https://."
          error={errors.videoUrl?.message}
          {...form.register('videoUrl')}
        />
      </div>
    </>
  );
}

/** The organisation picker: the region's organisations by kind, each a checkbox (a corporation too). */
export function InviteesFieldset({
  form,
  organisations,
  hint,
}: {
  form: UseFormReturn<PlanValues>;
  organisations: readonly RegionOrganisation[] | null;
  hint: string;
}) {
  const error = form.formState.errors.invitedOrganisationIds?.message;
  const errorId = `${tableFieldId('invitedOrganisationIds')}-fout`;
  return (
    <Fieldset
      invalid={!!error}
      className="table-invitations"
      aria-describedby={error ? errorId : undefined}
    >
      <FieldsetLegend>Genodigde organisaties</FieldsetLegend>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="table-form__hint">{hint}</Paragraph>
      {!organisations && <Paragraph role="status">Organisaties laden…</Paragraph>}
      <div className="table-invitations__groups">
        {organisations &&
          organisationKinds.map((kind) => (
            <InviteeGroup
              key={kind}
              kind={kind}
              form={form}
              organisations={organisations.filter((o) => o.kind === kind)}
            />
          ))}
      </div>
    </Fieldset>
  );
}

function InviteeGroup({
  kind,
  form,
  organisations,
}: {
  kind: OrganisationKind;
  form: UseFormReturn<PlanValues>;
  organisations: readonly RegionOrganisation[];
}) {
  if (!organisations.length) return null;
  return (
    <Fieldset className="table-invitations__group">
      <FieldsetLegend>{kindHeading[kind]}</FieldsetLegend>
      {organisations.map((o, i) => (
        <CheckboxField
          key={o.id}
          // The first box carries the list's id: an error summary or a server message focuses it.
          id={
            i === 0 && kind === 'municipality' ? tableFieldId('invitedOrganisationIds') : undefined
          }
          label={o.name}
          value={o.id}
          {...form.register('invitedOrganisationIds')}
        />
      ))}
    </Fieldset>
  );
}
