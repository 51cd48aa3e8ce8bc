import { useId } from 'react';
import { useForm, useWatch, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  categoriesSharedWithoutConsent,
  consentCategories,
  consentCategoryLabel,
  consentMethodLabel,
  type Consent,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../../core/form';
import { todayIsoDate } from '../../core/format';
import { FailureAlert } from '../../core/FailureAlert';
import { categoryExplanation, disclosureSentences } from './consent-disclosure';
import {
  consentResolver,
  emptyConsentValues,
  groupByKind,
  kindGroupLabel,
  signedFormCategory,
  type ConsentFormValues,
} from './consent-form';
import { useConsentRecording } from './use-consent-recording';

interface ConsentFormProps {
  caseId: string;
  /** The region's organisations other than the owner's own; null while loading. */
  organisations: RegionOrganisation[] | null;
  organisationsFailure: string | null;
  onRecorded(consent: Consent): void;
}

/** What each part of the form needs: the form and its current messages. */
interface PartProps {
  form: UseFormReturn<ConsentFormValues>;
  errors: FieldErrors<ConsentFormValues>;
}

/** "Toestemming vastleggen": with whom, what, since and until when, and how it was given. */
export function ConsentForm({
  caseId,
  organisations,
  organisationsFailure,
  onRecorded,
}: ConsentFormProps) {
  const id = useId();
  const form = useForm<ConsentFormValues>({
    defaultValues: emptyConsentValues(),
    resolver: consentResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, failure } = useConsentRecording(caseId, form, onRecorded);
  const [method, categories, organisationId] = useWatch({
    control: form.control,
    name: ['method', 'categories', 'organisationId'],
  });
  const chosen = organisations?.find((o) => o.id === organisationId);
  const isRefusal = Array.isArray(categories) && categories.length === 0;
  const parts = { form, errors };
  return (
    <form className="consent-form" noValidate onSubmit={submit} aria-labelledby={`${id}-kop`}>
      <Heading level={3} id={`${id}-kop`}>
        Toestemming vastleggen
      </Heading>
      <FailureAlert failure={organisationsFailure} />
      <OrganisationSelect {...parts} organisations={organisations} />
      <CategoryChoices {...parts} chosen={chosen} isRefusal={isRefusal} />
      <div className="consent-form__dates">
        <TextField
          label="Gegeven op"
          type="date"
          max={todayIsoDate()}
          description="Dag van gesprek of handtekening."
          error={errors.givenOn?.message}
          {...form.register('givenOn')}
        />
        <TextField
          label="Geldig tot en met (niet verplicht)"
          type="date"
          description="Leeg: tot de bewoner intrekt."
          error={errors.expiresOn?.message}
          {...form.register('expiresOn')}
        />
      </div>
      <MethodChoice {...parts} />
      {method === 'verbalWithWitness' && (
        <TextField
          label="Naam van de getuige"
          description="Iemand die erbij was, bijvoorbeeld een collega of begeleider. Met functie als dat helpt."
          autoComplete="off"
          error={errors.witnessName?.message}
          {...form.register('witnessName')}
        />
      )}
      {method === 'signedForm' && <SignedFormField {...parts} />}
      <FailureAlert failure={failure} />
      <div>
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={isSubmitting || !organisations}
          aria-busy={isSubmitting || undefined}
        >
          {isSubmitting
            ? 'Bezig met vastleggen…'
            : isRefusal
              ? 'Weigering vastleggen'
              : 'Toestemming vastleggen'}
        </Button>
      </div>
    </form>
  );
}

/** The receiving organisation, grouped by kind; disabled until the region's list is there. */
function OrganisationSelect({
  form,
  errors,
  organisations,
}: PartProps & { organisations: RegionOrganisation[] | null }) {
  return (
    <SelectField
      label="Organisatie"
      error={errors.organisationId?.message}
      disabled={!organisations}
      {...form.register('organisationId')}
    >
      <SelectOption value="">
        {organisations ? 'Kies een organisatie' : 'Organisaties laden…'}
      </SelectOption>
      {groupByKind(organisations ?? []).map((g) => (
        <optgroup key={g.kind} label={kindGroupLabel[g.kind]}>
          {g.members.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.name}
            </SelectOption>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/**
 * What the organisation may see, one checkbox per category with what it then sees (once it is
 * chosen); nothing ticked records a refusal.
 */
function CategoryChoices({
  form,
  errors,
  chosen,
  isRefusal,
}: PartProps & { chosen: RegionOrganisation | undefined; isRefusal: boolean }) {
  const categoriesId = `${useId()}-categorieen`;
  const explanation = chosen ? disclosureSentences(chosen.kind, chosen.name) : categoryExplanation;
  return (
    <Fieldset
      invalid={!!errors.categories}
      aria-describedby={`${categoriesId}-omschrijving${errors.categories ? ` ${categoriesId}-fout` : ''}`}
      className="consent-form__categories"
    >
      <FieldsetLegend>Wat mag deze organisatie zien?</FieldsetLegend>
      <FormFieldDescription id={`${categoriesId}-omschrijving`}>
        {chosen
          ? `Bij elke categorie staat wat ${chosen.name} dan ziet, en wanneer.`
          : 'Kies eerst een organisatie: dan staat bij elke categorie wat zij ziet, en wanneer.'}{' '}
        Laat u alles leeg, dan legt u vast dat de bewoner niets wil delen met deze organisatie.
      </FormFieldDescription>
      {errors.categories && (
        <FormFieldErrorMessage id={`${categoriesId}-fout`}>
          {errors.categories.message}
        </FormFieldErrorMessage>
      )}
      {consentCategories.map((category, index) => {
        const optionId = index === 0 ? categoriesId : `${categoriesId}-${category}`;
        const isFree = categoriesSharedWithoutConsent.includes(category);
        return (
          <FormField key={category} type="checkbox" className="consent-form__category">
            <div className="utrecht-form-field__input">
              <Checkbox
                id={optionId}
                value={category}
                aria-describedby={`${optionId}-uitleg`}
                {...form.register('categories')}
              />
            </div>
            <Paragraph className="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <FormLabel htmlFor={optionId} type="checkbox">
                {consentCategoryLabel[category]}
              </FormLabel>
            </Paragraph>
            <FormFieldDescription id={`${optionId}-uitleg`} className="consent-form__explanation">
              {explanation[category]}
              {isFree &&
                ' Dit wordt ook zonder toestemming gedeeld, omdat het niemand bij naam noemt.'}
            </FormFieldDescription>
          </FormField>
        );
      })}
      {isRefusal && (
        <Paragraph className="consent-form__refusal">
          Niets aangevinkt: u legt een weigering vast.
        </Paragraph>
      )}
    </Fieldset>
  );
}

/** Verbal with a witness, or a signed form. */
function MethodChoice({ form, errors }: PartProps) {
  const methodId = `${useId()}-hoe`;
  return (
    <Fieldset
      invalid={!!errors.method}
      role="radiogroup"
      aria-describedby={errors.method ? `${methodId}-fout` : undefined}
      className="consent-form__method"
    >
      <FieldsetLegend>Hoe heeft de bewoner toestemming gegeven?</FieldsetLegend>
      {errors.method && (
        <FormFieldErrorMessage id={`${methodId}-fout`}>
          {errors.method.message}
        </FormFieldErrorMessage>
      )}
      {(['verbalWithWitness', 'signedForm'] as const).map((m, index) => {
        const optionId = index === 0 ? methodId : `${methodId}-${m}`;
        return (
          <FormField key={m} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={optionId}
                value={m}
                invalid={!!errors.method}
                {...form.register('method')}
              />
            </div>
            <Paragraph className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={optionId} type="radio">
                {consentMethodLabel[m]}
              </FormLabel>
            </Paragraph>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

/** The scan or photo of the signed form: it goes to the case's documents. */
function SignedFormField({ form, errors }: PartProps) {
  const fileId = `${useId()}-formulier`;
  return (
    <FormField type="text" invalid={!!errors.signedForm}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={fileId}>Scan of foto van het ondertekende formulier</FormLabel>
      </Paragraph>
      <FormFieldDescription id={`${fileId}-omschrijving`}>
        PDF, PNG of JPEG, hoogstens 10 MB. Het komt bij de documenten van de casus, in de categorie{' '}
        {consentCategoryLabel[signedFormCategory]}.
      </FormFieldDescription>
      {errors.signedForm && (
        <FormFieldErrorMessage id={`${fileId}-fout`}>
          {errors.signedForm.message}
        </FormFieldErrorMessage>
      )}
      <Paragraph className="utrecht-form-field__input">
        <input
          id={fileId}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg"
          className="case-documents__file"
          aria-invalid={errors.signedForm ? true : undefined}
          aria-describedby={[`${fileId}-omschrijving`, errors.signedForm ? `${fileId}-fout` : null]
            .filter(Boolean)
            .join(' ')}
          {...form.register('signedForm')}
        />
      </Paragraph>
    </FormField>
  );
}
