import { useId, useRef, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
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
  consentMethods,
  recordConsentSchema,
  type Consent,
  type ConsentCategory,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { ApiError } from '../../core/api';
import { SelectField, TextField } from '../../core/form';
import { todayIsoDate } from '../../core/format';
import { recordConsent, useConsentWrite } from './consent-api';
import { checkDocumentFile, fileErrorOf, useUploadDocument } from './documents-api';
import { FailureAlert } from '../../core/FailureAlert';
import { categoryExplanation, disclosureSentences } from './consent-disclosure';

type ConsentMethod = (typeof consentMethods)[number];

interface ConsentFormValues {
  organisationId: string;
  categories: ConsentCategory[];
  givenOn: string;
  expiresOn: string;
  method: '' | ConsentMethod;
  witnessName: string;
  signedForm: FileList | null;
}

const kindGroupLabel: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};
const kindOrder: readonly OrganisationKind[] = [
  'municipality',
  'corporation',
  'provider',
  'coordination',
];

/** The signed form is kept with the case's documents, in the category that names the resident. */
const signedFormCategory: ConsentCategory = 'identityContact';
const witnessRequired = 'Bij mondelinge toestemming is een getuige verplicht.';
// Stands in for the signed form's document id while checking, before the form is uploaded.
const notYetUploaded = '00000000-0000-4000-8000-000000000000';

function emptyValues(): ConsentFormValues {
  return {
    organisationId: '',
    categories: [],
    givenOn: todayIsoDate(),
    expiresOn: '',
    method: '',
    witnessName: '',
    signedForm: null,
  };
}

/** The form as the API takes it; the shared schema then judges it. */
function toRequest(
  values: ConsentFormValues,
  documentId: string | undefined,
): Record<string, unknown> {
  return {
    organisationId: values.organisationId,
    categories: Array.isArray(values.categories) ? values.categories : [],
    givenOn: values.givenOn,
    ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
    ...(values.method ? { method: values.method } : {}),
    ...(values.method === 'verbalWithWitness' && values.witnessName.trim()
      ? { witnessName: values.witnessName }
      : {}),
    ...(values.method === 'signedForm' && documentId ? { documentId } : {}),
  };
}

type FieldName = keyof ConsentFormValues;
function fieldOf(path: string): FieldName | null {
  if (path === 'documentId') return 'signedForm';
  const field = path.split('.')[0];
  return field && field in emptyValues() ? (field as FieldName) : null;
}

/**
 * The shared schema, plus what only the browser knows: the chosen file, and today's date. A
 * witness is asked for at once, also while another field is still wrong (the schema checks it
 * only once all fields are right).
 */
const resolver: Resolver<ConsentFormValues> = async (values) => {
  const errors: FieldErrors<ConsentFormValues> = {};
  const add = (field: FieldName, message: string) => {
    errors[field] ??= { type: 'validation', message };
  };
  const file = values.signedForm?.[0];
  const parsed = recordConsentSchema.safeParse(
    toRequest(values, file ? notYetUploaded : undefined),
  );
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.join('.'));
      if (field) add(field, issue.message);
    }
  if (values.givenOn && values.givenOn > todayIsoDate())
    add('givenOn', 'De datum van toestemming ligt niet in de toekomst.');
  if (values.method === 'verbalWithWitness' && !values.witnessName.trim())
    add('witnessName', witnessRequired);
  if (values.method === 'signedForm') {
    const fileError = checkDocumentFile(
      file,
      'Kies het ondertekende formulier (een scan of foto).',
    );
    if (fileError) errors.signedForm = { type: 'validation', message: fileError };
  }
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

interface ConsentFormProps {
  caseId: string;
  /** The region's organisations other than the owner's own; null while loading. */
  organisations: RegionOrganisation[] | null;
  organisationsFailure: string | null;
  onRecorded(consent: Consent): void;
}

/** "Toestemming vastleggen": with whom, what, since and until when, and how it was given. */
export function ConsentForm({
  caseId,
  organisations,
  organisationsFailure,
  onRecorded,
}: ConsentFormProps) {
  const upload = useUploadDocument(caseId);
  const record = useConsentWrite(caseId);
  const id = useId();
  const form = useForm<ConsentFormValues>({
    defaultValues: emptyValues(),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const method = useWatch({ control: form.control, name: 'method' });
  const categories = useWatch({ control: form.control, name: 'categories' });
  const organisationId = useWatch({ control: form.control, name: 'organisationId' });
  const chosen = organisations?.find((o) => o.id === organisationId);
  const explanation = chosen ? disclosureSentences(chosen.kind, chosen.name) : categoryExplanation;
  const [failure, setFailure] = useState<string | null>(null);
  // The signed form once uploaded: a second try after a refused consent does not add it twice.
  const uploaded = useRef<{ file: File; documentId: string } | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      let documentId: string | undefined;
      const file = values.signedForm?.[0];
      if (values.method === 'signedForm' && file) {
        if (uploaded.current?.file !== file) {
          const document = await upload.mutateAsync({ file, category: signedFormCategory });
          uploaded.current = { file, documentId: document.id };
        }
        documentId = uploaded.current.documentId;
      }
      const request = recordConsentSchema.parse(toRequest(values, documentId));
      const consent = await record.mutateAsync(() => recordConsent(caseId, request));
      uploaded.current = null;
      form.reset(emptyValues());
      onRecorded(consent);
    } catch (error) {
      const fileError = fileErrorOf(error);
      if (fileError) {
        form.setError('signedForm', { message: fileError }, { shouldFocus: true });
        return;
      }
      const placed =
        error instanceof ApiError
          ? error.issues.flatMap((issue) => {
              const field = fieldOf(issue.path);
              return field ? [{ field, message: issue.message }] : [];
            })
          : [];
      placed.forEach(({ field, message }, index) =>
        form.setError(field, { message }, { shouldFocus: index === 0 }),
      );
      if (!placed.length)
        setFailure(
          error instanceof ApiError
            ? error.message
            : 'Het vastleggen is niet gelukt. Probeer het opnieuw.',
        );
    }
  });

  const groups = kindOrder
    .map((kind) => ({
      kind,
      members: (organisations ?? [])
        .filter((o) => o.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    }))
    .filter((g) => g.members.length > 0);
  const isRefusal = Array.isArray(categories) && categories.length === 0;
  const categoriesId = `${id}-categorieen`;
  const methodId = `${id}-hoe`;
  const fileId = `${id}-formulier`;

  return (
    <form className="consent-form" noValidate onSubmit={submit} aria-labelledby={`${id}-kop`}>
      <Heading level={3} id={`${id}-kop`}>
        Toestemming vastleggen
      </Heading>
      <FailureAlert failure={organisationsFailure} />

      <SelectField
        label="Organisatie"
        error={errors.organisationId?.message}
        disabled={!organisations}
        {...form.register('organisationId')}
      >
        <SelectOption value="">
          {organisations ? 'Kies een organisatie' : 'Organisaties laden…'}
        </SelectOption>
        {groups.map((g) => (
          <optgroup key={g.kind} label={kindGroupLabel[g.kind]}>
            {g.members.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </optgroup>
        ))}
      </SelectField>

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

      {method === 'verbalWithWitness' && (
        <TextField
          label="Naam van de getuige"
          description="Iemand die erbij was, bijvoorbeeld een collega of begeleider. Met functie als dat helpt."
          autoComplete="off"
          error={errors.witnessName?.message}
          {...form.register('witnessName')}
        />
      )}
      {method === 'signedForm' && (
        <FormField type="text" invalid={!!errors.signedForm}>
          <Paragraph className="utrecht-form-field__label">
            <FormLabel htmlFor={fileId}>Scan of foto van het ondertekende formulier</FormLabel>
          </Paragraph>
          <FormFieldDescription id={`${fileId}-omschrijving`}>
            PDF, PNG of JPEG, hoogstens 10 MB. Het komt bij de documenten van de casus, in de
            categorie {consentCategoryLabel[signedFormCategory]}.
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
              aria-describedby={[
                `${fileId}-omschrijving`,
                errors.signedForm ? `${fileId}-fout` : null,
              ]
                .filter(Boolean)
                .join(' ')}
              {...form.register('signedForm')}
            />
          </Paragraph>
        </FormField>
      )}

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
