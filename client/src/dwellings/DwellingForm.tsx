import { useEffect, useRef, type RefObject } from 'react';
import { useForm, useWatch, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  dwellingKindLabel,
  dwellingKinds,
  tenancyFormLabel,
  tenancyForms,
  type Dwelling,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import { ChoiceGroup, OptionsField, TextareaField, optionsOf } from '../core/fields';
import type { RegionMunicipalities } from '../core/region';
import { flattenErrors } from '../core/form-errors';
import {
  dwellingFieldOf,
  dwellingResolver,
  emptyDwelling,
  toDwellingValues,
  type DwellingValues,
} from './dwelling-form';
import { useDwellingSave } from './use-dwelling-save';
import { FailureAlert } from '../core/FailureAlert';

const id = (field: keyof DwellingValues) => `woning-${field}`;
const yesNo = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
] as const;

/** What each group of fields needs: the form and its current messages. */
interface GroupProps {
  form: UseFormReturn<DwellingValues>;
  errors: FieldErrors<DwellingValues>;
}

/** A field's message, and its id, message and registration together for the form's own fields. */
function fieldsOf({ form, errors }: GroupProps) {
  const error = (field: keyof DwellingValues) => errors[field]?.message;
  const text = (field: keyof DwellingValues) => ({
    id: id(field),
    error: error(field),
    ...form.register(field),
  });
  return { error, text };
}

/**
 * Registering or editing a dwelling: the shared schema checks it here as it will on the server and
 * in a CSV import. An edit is saved on the version that was read; a newer one is loaded into the
 * form with a message, never overwritten.
 */
export function DwellingForm({
  region,
  dwelling,
  onSaved,
  onCancel,
}: {
  region: RegionMunicipalities;
  /** Absent when registering a new dwelling. */
  dwelling?: Dwelling;
  onSaved(dwelling: Dwelling): void;
  onCancel(): void;
}) {
  // Checked on "Opslaan", then at every change; never on leaving a field.
  const form = useForm<DwellingValues>({
    defaultValues: dwelling ? toDwellingValues(dwelling) : emptyDwelling,
    resolver: dwellingResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const { submit, failure } = useDwellingSave(form, dwelling, onSaved);
  const problems = flattenErrors(errors);
  const summaryRef = useFocusAfterSubmit(submitCount, problems.length > 0);
  const groups = { form, errors };
  return (
    <form
      noValidate
      onSubmit={submit}
      className="dwelling-form"
      aria-labelledby="woning-formulier-kop"
    >
      <Heading level={2} id="woning-formulier-kop">
        {dwelling ? 'Woning wijzigen' : 'Woning registreren'}
      </Heading>
      {submitCount > 0 && problems.length > 0 && (
        <ProblemSummary summaryRef={summaryRef} problems={problems} />
      )}
      <AddressFields {...groups} region={region} />
      <DwellingFields {...groups} />
      <AvailabilityFields {...groups} />
      <FailureAlert failure={failure} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
          {dwelling ? 'Wijziging opslaan' : 'Woning registreren'}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The summary of problems gets the focus after a submit, so a keyboard user is sent there. */
function useFocusAfterSubmit(submitCount: number, hasProblems: boolean) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (submitCount > 0 && hasProblems) summaryRef.current?.focus();
    // Only after a submit: the summary appears once, and the keyboard user is sent there.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only after a submit, not at every change of the problems
  }, [submitCount]);
  return summaryRef;
}

/** Every problem of the form as a link to its field. */
function ProblemSummary({
  summaryRef,
  problems,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  problems: { path: string; message: string }[];
}) {
  return (
    <div ref={summaryRef} tabIndex={-1} className="dwelling-form__summary" role="alert">
      <Alert type="error">
        <Paragraph>
          <strong>
            Controleer {problems.length === 1 ? 'dit veld' : `deze ${problems.length} velden`}:
          </strong>
        </Paragraph>
        <UnorderedList>
          {problems.map((p) => (
            <UnorderedListItem key={p.path}>
              <a className="utrecht-link" href={`#${id(dwellingFieldOf(p.path))}`}>
                {p.message}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}

function AddressFields({ region, ...group }: GroupProps & { region: RegionMunicipalities }) {
  const { text } = fieldsOf(group);
  return (
    <Fieldset className="dwelling-form__group">
      <FieldsetLegend>Adres</FieldsetLegend>
      <div className="dwelling-form__row">
        <TextField label="Straat" autoComplete="off" {...text('street')} />
        <TextField
          label="Huisnummer"
          description="Met toevoeging: 12A of 12-2."
          autoComplete="off"
          {...text('houseNumber')}
        />
        <TextField
          label="Postcode"
          description="Bijvoorbeeld 8224 JX."
          autoComplete="off"
          {...text('postcode')}
        />
      </div>
      <div className="dwelling-form__row">
        <SelectField label="Gemeente" {...text('municipalityCode')}>
          <SelectOption value="">Kies een gemeente</SelectOption>
          {region.municipalities.map((m) => (
            <SelectOption key={m.code} value={m.code}>
              {m.name}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          label="Wijk"
          description="De plaatsingen per wijk worden gevolgd."
          {...text('neighbourhood')}
        />
      </div>
    </Fieldset>
  );
}

function DwellingFields(group: GroupProps) {
  const { text, error } = fieldsOf(group);
  return (
    <Fieldset className="dwelling-form__group">
      <FieldsetLegend>De woning</FieldsetLegend>
      <div className="dwelling-form__row">
        <OptionsField
          label="Type"
          {...text('kind')}
          placeholder="Kies een type"
          options={optionsOf(dwellingKinds, dwellingKindLabel)}
        />
        <TextField
          label="Aantal kamers"
          inputMode="numeric"
          description="Woonkamer en slaapkamers samen; 0 voor een studio."
          {...text('rooms')}
        />
        <TextField
          label="Huur per maand (in euro)"
          inputMode="decimal"
          description="Inclusief servicekosten, bijvoorbeeld 612,50."
          {...text('rent')}
        />
        <TextField
          label="Verdieping"
          inputMode="numeric"
          description="0 is de begane grond, -1 een souterrain."
          {...text('floor')}
        />
      </div>
      <div className="dwelling-form__row">
        <ChoiceGroup
          id={id('hasLift')}
          type="radio"
          className="case-choices--inline"
          legend="Is er een lift?"
          error={error('hasLift')}
          options={yesNo}
          registration={group.form.register('hasLift')}
        />
        <ChoiceGroup
          id={id('isWheelchairAccessible')}
          type="radio"
          className="case-choices--inline"
          legend="Rolstoeltoegankelijk?"
          error={error('isWheelchairAccessible')}
          options={yesNo}
          registration={group.form.register('isWheelchairAccessible')}
        />
      </div>
      <TextareaField
        label="Toegankelijkheid (niet verplicht)"
        description="Bijvoorbeeld: drempelvrij, brede deuren, inloopdouche."
        {...text('accessibilityNotes')}
      />
    </Fieldset>
  );
}

/** From when, and the tenancy form; a conversion to the resident's own name unless it is regular. */
function AvailabilityFields(group: GroupProps) {
  const { text } = fieldsOf(group);
  const tenancyForm = useWatch({ control: group.form.control, name: 'tenancyForm' });
  return (
    <Fieldset className="dwelling-form__group">
      <FieldsetLegend>Beschikbaarheid en huurvorm</FieldsetLegend>
      <div className="dwelling-form__row">
        <TextField label="Beschikbaar vanaf" type="date" {...text('availableFrom')} />
        <OptionsField
          label="Huurvorm"
          {...text('tenancyForm')}
          placeholder="Kies een huurvorm"
          options={optionsOf(tenancyForms, tenancyFormLabel)}
        />
      </div>
      {tenancyForm !== 'regular' && (
        <>
          <Paragraph className="dwelling-form__hint">
            Gaat de huur later over op naam van de bewoner (omklappen)? Vul dan de datum en de
            voorwaarden in.
          </Paragraph>
          <div className="dwelling-form__row">
            <TextField
              label="Omzetting naar eigen naam op (niet verplicht)"
              type="date"
              {...text('conversionDate')}
            />
          </div>
          <TextareaField
            label="Voorwaarden voor de omzetting (niet verplicht)"
            description="Bijvoorbeeld: een jaar zonder huurachterstand en begeleiding volgens plan."
            {...text('conversionConditions')}
          />
        </>
      )}
    </Fieldset>
  );
}
