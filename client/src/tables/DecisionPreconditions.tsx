import { useFieldArray } from 'react-hook-form';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  lifeDomainLabel,
  lifeDomains,
  organisationKinds,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import { OptionsField, TextareaField, optionsOf } from '../core/fields';
import {
  emptyPrecondition,
  preconditionsFromSupportNeeds,
  type DecisionContext,
  type DecisionPartProps,
} from './decision-form';

const kindGroup = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
} as const;

interface OrganisationsProps {
  organisations: readonly RegionOrganisation[];
}

/** What must be arranged before or at the move, per life domain: rows to add, edit and remove. */
export function PreconditionsFieldset({
  supportNeeds,
  ...part
}: DecisionPartProps & OrganisationsProps & { supportNeeds: DecisionContext['supportNeeds'] }) {
  const { form, id } = part;
  const preconditions = useFieldArray({ control: form.control, name: 'preconditions' });
  const errors = form.formState.errors.preconditions;
  const error = errors?.message ?? errors?.root?.message;
  return (
    <Fieldset className="decision-form__group" invalid={!!errors?.message}>
      <FieldsetLegend>Randvoorwaarden</FieldsetLegend>
      <FormFieldDescription>
        Wat geregeld moet zijn voor of bij de verhuizing, per leefgebied, met wie het regelt en
        wanneer.
        {preconditionsFromSupportNeeds(supportNeeds).length > 0 &&
          ' Overgenomen uit de ondersteuningsbehoefte van de intake: pas ze aan, vul aan wie het regelt en wanneer, of verwijder wat niet nodig is.'}
      </FormFieldDescription>
      {error && (
        <FormFieldErrorMessage id={`${id('preconditions')}-fout`}>{error}</FormFieldErrorMessage>
      )}
      {preconditions.fields.length === 0 && (
        <Paragraph className="decision-form__hint" id={id('preconditions')} tabIndex={-1}>
          Nog geen randvoorwaarden.
        </Paragraph>
      )}
      <ol className="precondition-rows">
        {preconditions.fields.map((field, index) => (
          <li key={field.id}>
            <PreconditionRow {...part} index={index} onRemove={() => preconditions.remove(index)} />
          </li>
        ))}
      </ol>
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() =>
          preconditions.append(
            { ...emptyPrecondition },
            { focusName: `preconditions.${preconditions.fields.length}.lifeDomain` },
          )
        }
      >
        Randvoorwaarde toevoegen
      </Button>
    </Fieldset>
  );
}

function PreconditionRow({
  form,
  id,
  organisations,
  index,
  onRemove,
}: DecisionPartProps & OrganisationsProps & { index: number; onRemove(): void }) {
  const rowErrors = form.formState.errors.preconditions?.[index];
  return (
    <Fieldset className="precondition-row">
      <FieldsetLegend>Randvoorwaarde {index + 1}</FieldsetLegend>
      <div className="precondition-row__grid">
        <OptionsField
          id={id(`preconditions.${index}.lifeDomain`)}
          label="Leefgebied"
          error={rowErrors?.lifeDomain?.message}
          {...form.register(`preconditions.${index}.lifeDomain`)}
          placeholder="Kies een leefgebied"
          options={optionsOf(lifeDomains, lifeDomainLabel)}
        />
        <SelectField
          id={id(`preconditions.${index}.ownerOrganisationId`)}
          label="Wie regelt het"
          error={rowErrors?.ownerOrganisationId?.message}
          {...form.register(`preconditions.${index}.ownerOrganisationId`)}
        >
          <SelectOption value="">Kies een organisatie</SelectOption>
          <OrganisationOptions organisations={organisations} />
        </SelectField>
        <TextField
          id={id(`preconditions.${index}.dueDate`)}
          label="Uiterlijk op"
          type="date"
          error={rowErrors?.dueDate?.message}
          {...form.register(`preconditions.${index}.dueDate`)}
        />
      </div>
      <TextareaField
        id={id(`preconditions.${index}.description`)}
        label="Wat moet geregeld zijn"
        rows={2}
        error={rowErrors?.description?.message}
        {...form.register(`preconditions.${index}.description`)}
      />
      <Button
        type="button"
        appearance="subtle-button"
        className="precondition-row__remove"
        onClick={onRemove}
      >
        Randvoorwaarde {index + 1} verwijderen
      </Button>
    </Fieldset>
  );
}

/** The region's organisations grouped by kind, the kinds in their usual order. */
function OrganisationOptions({ organisations }: OrganisationsProps) {
  return (
    <>
      {organisationKinds.map((kind) => {
        const ofKind = organisations.filter((o) => o.kind === kind);
        return ofKind.length ? (
          <optgroup key={kind} label={kindGroup[kind]}>
            {ofKind.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </optgroup>
        ) : null;
      })}
    </>
  );
}
