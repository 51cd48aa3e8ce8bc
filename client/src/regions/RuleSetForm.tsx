import {
  forwardRef,
  useMemo,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  dutchToday,
  amsterdamYear,
  agreementPeriodOn,
  agreementSchema,
  formatDutchDate,
  ruleSetConfigSchema,
  targetGroupLabel,
  targetGroups,
  type RuleSet,
  type RuleSetConfig,
  type RuleSetDraft,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { TextField } from '../core/form';
import { useSaveRuleSet, useSaveRuleSetDraft } from './rule-set-api';
import { RuleSetBindingFields } from './RuleSetBindingFields';
import { MunicipalitiesTable } from './MunicipalitiesTable';
import { ObjectionProcedures } from './ObjectionProcedures';
import { collectProblems, emptyConfig, fieldId, parseWholeNumber } from './rule-set-form';

interface Props {
  /** The version the form starts from; null for a region without a rule set yet. */
  base: RuleSet | null;
  /** The saved draft of the next version: the form continues it (unless a newer version overtook it). */
  draft: RuleSetDraft | null;
  onSaved(ruleSet: RuleSet): void;
  /** Saved as a draft: nothing the region works with has changed. */
  onDraftSaved(): void;
  /** Someone else saved meanwhile: the history should show it. */
  onConflict(): void;
  onLoadNewest(): void;
}

const CheckboxField = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
    id: string;
    label: ReactNode;
    description?: string;
  }
>(function CheckboxField({ id, label, description, ...input }, ref) {
  return (
    <FormField type="checkbox" className="rule-set-checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          ref={ref}
          aria-describedby={description ? `${id}-omschrijving` : undefined}
          {...input}
        />
      </div>
      <Paragraph className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </Paragraph>
      {description && (
        <FormFieldDescription id={`${id}-omschrijving`}>{description}</FormFieldDescription>
      )}
    </FormField>
  );
});

/** Moves to a field named in the list of problems (a link alone scrolls, but leaves the focus behind). */
function focusField(path: string): void {
  const target =
    document.getElementById(fieldId(path)) ??
    document.getElementById(fieldId(path.split('.').slice(0, -1).join('.')));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  const isFocusable = target instanceof HTMLInputElement || target.hasAttribute('tabindex');
  (isFocusable ? target : (target.querySelector<HTMLElement>('input') ?? target)).focus();
}

/** "Vandaag valt in …": which agreement period the entered dates give for today (display only). */
function CurrentPeriodNote({ control }: { control: Control<RuleSetConfig> }) {
  const agreement = useWatch({ control, name: 'agreement' });
  const today = dutchToday();
  const parsed = agreementSchema.safeParse(agreement);
  if (!parsed.success || parsed.data.firstPeriodEnd < parsed.data.firstPeriodStart) return null;
  const period = agreementPeriodOn({ agreement: parsed.data }, today);
  const which = period.index === 0 ? 'de eerste periode' : `verlenging ${period.index}`;
  return (
    <Paragraph className="rule-set-note" aria-live="polite">
      Vandaag valt in {which}: {formatDutchDate(period.start)} t/m {formatDutchDate(period.end)}. De
      verdeling naar inwoneraantal telt per periode opnieuw.
    </Paragraph>
  );
}

/** The regionAdmin's form: every field of the rule set, validated with the shared schema. */
export function RuleSetForm({
  base,
  draft,
  onSaved,
  onDraftSaved,
  onConflict,
  onLoadNewest,
}: Props) {
  const continuesDraft = draft !== null && !draft.isOutdated;
  const defaultValues = useMemo(
    () =>
      (continuesDraft ? draft.config : null) ??
      base?.config ??
      emptyConfig(amsterdamYear(new Date())),
    [base, draft, continuesDraft],
  );
  const savedCodes = useMemo(
    () => new Set(base?.config.municipalities.map((m) => m.code) ?? []),
    [base],
  );
  const { register, handleSubmit, formState, control, reset, setError } = useForm<RuleSetConfig>({
    resolver: zodResolver(ruleSetConfigSchema),
    defaultValues,
    // The list of problems above the form takes the focus, and links to each field.
    shouldFocusError: false,
  });
  const save = useSaveRuleSet();
  const saveDraft = useSaveRuleSetDraft();
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [isDraftConflict, setIsDraftConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const conflictAlert = useRef<HTMLDivElement>(null);
  const { errors } = formState;
  const problems = collectProblems(errors);
  const nextVersion = (base?.version ?? 0) + 1;
  const number = { setValueAs: parseWholeNumber };

  const submit = (asDraft: boolean) =>
    handleSubmit(
      async (config) => {
        setFailure(null);
        setConflictVersion(null);
        setIsDraftConflict(false);
        try {
          if (asDraft) {
            await saveDraft.mutateAsync({
              basedOnVersion: base?.version ?? 0,
              expectedRevision: draft?.revision ?? 0,
              config,
            });
            onDraftSaved();
            return;
          }
          const saved = await save.mutateAsync({ expectedVersion: base?.version ?? 0, config });
          onSaved(saved);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
            const current = error.details?.['currentVersion'];
            setIsDraftConflict(typeof error.details?.['currentRevision'] === 'number');
            setConflictVersion(typeof current === 'number' ? current : (base?.version ?? 0));
            onConflict();
            requestAnimationFrame(() => conflictAlert.current?.focus());
            return;
          }
          if (
            error instanceof ApiError &&
            error.code === 'VALIDATION_FAILED' &&
            error.issues.some((issue) => issue.path.startsWith('config.'))
          ) {
            for (const issue of error.issues) {
              if (issue.path.startsWith('config.'))
                setError(issue.path.slice('config.'.length) as never, {
                  type: 'server',
                  message: issue.message,
                });
            }
            requestAnimationFrame(() => summary.current?.focus());
            return;
          }
          setFailure(
            error instanceof ApiError
              ? error.message
              : 'Opslaan is niet gelukt. Probeer het opnieuw.',
          );
        }
      },
      () => requestAnimationFrame(() => summary.current?.focus()),
    );
  const onSubmit = submit(false);
  const onSubmitDraft = submit(true);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="instellingen-wijzigen"
      className="rule-set-form"
    >
      <Heading level={2} id="instellingen-wijzigen">
        {base ? 'Instellingen wijzigen' : 'Instellingen vastleggen'}
      </Heading>
      <Paragraph className="rule-set-note">
        {continuesDraft ? 'Het formulier toont het concept. ' : ''}
        Sla een wijziging op als concept om haar eerst te laten bekijken: een concept verandert
        niets tot u het publiceert. Opslaan als versie laat de wijziging meteen gelden.
      </Paragraph>

      {conflictVersion !== null && (
        <Alert
          type="warning"
          role="alert"
          ref={conflictAlert}
          tabIndex={-1}
          className="rule-set-alert"
        >
          <Heading level={3}>
            {isDraftConflict
              ? 'Niet opgeslagen: het concept is intussen gewijzigd'
              : 'Niet opgeslagen: er is een nieuwere versie'}
          </Heading>
          <Paragraph>
            {isDraftConflict
              ? 'Iemand anders heeft intussen het concept gewijzigd, gepubliceerd of weggegooid.'
              : `Iemand anders heeft intussen versie ${conflictVersion} opgeslagen.`}{' '}
            Uw wijzigingen staan nog in het formulier, maar zijn niet opgeslagen. Laad de nieuwste
            versie en voer uw wijzigingen daarin opnieuw in; de versiegeschiedenis hieronder laat
            zien wat er veranderde.
          </Paragraph>
          <Paragraph>
            <Button appearance="primary-action-button" type="button" onClick={onLoadNewest}>
              Nieuwste versie laden
            </Button>
          </Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert type="error" role="alert" className="rule-set-alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {problems.length > 0 && formState.submitCount > 0 && (
        <Alert
          type="error"
          ref={summary}
          tabIndex={-1}
          className="rule-set-alert"
          aria-labelledby="problemen-titel"
        >
          <Heading level={3} id="problemen-titel">
            Controleer {problems.length === 1 ? 'dit veld' : `deze ${problems.length} velden`}
          </Heading>
          <ul className="rule-set-problems">
            {problems.map((problem) => (
              <li key={problem.path}>
                <Link
                  href={`#${fieldId(problem.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(problem.path);
                  }}
                >
                  {problem.message}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Gemeenten en inwoneraantallen</FieldsetLegend>
        <Paragraph className="rule-set-note">
          De verdeling naar inwoneraantal (uitzondering C) rekent met deze aantallen. Neem de
          cijfers van het CBS over (inwoners op 1 januari van het peiljaar).
        </Paragraph>
        <MunicipalitiesTable
          control={control}
          register={register}
          errors={errors}
          savedCodes={savedCodes}
        />
        <ObjectionProcedures control={control} register={register} errors={errors} />
      </Fieldset>

      <Fieldset
        className="rule-set-fieldset"
        id={fieldId('targetGroups')}
        aria-describedby={errors.targetGroups ? `${fieldId('targetGroups')}-fout` : undefined}
      >
        <FieldsetLegend>Doelgroepen</FieldsetLegend>
        {errors.targetGroups?.message && (
          <FormFieldErrorMessage id={`${fieldId('targetGroups')}-fout`}>
            {errors.targetGroups.message}
          </FormFieldErrorMessage>
        )}
        {targetGroups.map((group) => (
          <CheckboxField
            key={group}
            id={`${fieldId('targetGroups')}-${group}`}
            value={group}
            label={targetGroupLabel[group]}
            {...register('targetGroups')}
          />
        ))}
      </Fieldset>

      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Jongeren uit verlengde jeugdzorg</FieldsetLegend>
        <Paragraph className="rule-set-note">
          Vanaf de verjaardag van de eerste leeftijd tot de verjaardag van de tweede (in Flevoland:
          18 tot 23 jaar).
        </Paragraph>
        <div className="rule-set-row">
          <TextField
            id={fieldId('youthAgeBand.from')}
            label="Vanaf leeftijd"
            inputMode="numeric"
            className="rule-set-short"
            error={errors.youthAgeBand?.from?.message}
            {...register('youthAgeBand.from', number)}
          />
          <TextField
            id={fieldId('youthAgeBand.until')}
            label="Tot leeftijd"
            inputMode="numeric"
            className="rule-set-short"
            error={errors.youthAgeBand?.until?.message}
            {...register('youthAgeBand.until', number)}
          />
        </div>
      </Fieldset>

      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Akkoordperiode</FieldsetLegend>
        <Paragraph className="rule-set-note">
          De eerste periode van het regionale akkoord, daarna verlengd met een vast aantal jaren.
        </Paragraph>
        <div className="rule-set-row">
          <TextField
            id={fieldId('agreement.firstPeriodStart')}
            type="date"
            label="Begin eerste periode"
            error={errors.agreement?.firstPeriodStart?.message}
            {...register('agreement.firstPeriodStart')}
          />
          <TextField
            id={fieldId('agreement.firstPeriodEnd')}
            type="date"
            label="Laatste dag eerste periode"
            error={errors.agreement?.firstPeriodEnd?.message}
            {...register('agreement.firstPeriodEnd')}
          />
          <TextField
            id={fieldId('agreement.extensionYears')}
            label="Verlenging telkens met (jaren)"
            inputMode="numeric"
            className="rule-set-short"
            error={errors.agreement?.extensionYears?.message}
            {...register('agreement.extensionYears', number)}
          />
        </div>
        <CurrentPeriodNote control={control} />
      </Fieldset>

      <RuleSetBindingFields register={register} errors={errors} />

      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Tafels en signalen</FieldsetLegend>
        <div className="rule-set-stack">
          <TextField
            id={fieldId('agendaPublicationDays')}
            label="Agenda delen (dagen vóór de tafel)"
            inputMode="numeric"
            className="rule-set-short"
            description="Kalenderdagen: het weekend telt mee."
            error={errors.agendaPublicationDays?.message}
            {...register('agendaPublicationDays', number)}
          />
          <TextField
            id={fieldId('stalledCaseDays')}
            label="Signaal stilstand na (dagen)"
            inputMode="numeric"
            className="rule-set-short"
            description="Zonder activiteit in een casus."
            error={errors.stalledCaseDays?.message}
            {...register('stalledCaseDays', number)}
          />
          <TextField
            id={fieldId('waitingTargetDays')}
            label="Streeftermijn wachttijd (dagen)"
            inputMode="numeric"
            className="rule-set-short"
            description="Van uitstroomgereed tot een woning (3 maanden is 90 dagen). Wie langer wacht, wordt gemarkeerd."
            error={errors.waitingTargetDays?.message}
            {...register('waitingTargetDays', number)}
          />
          <TextField
            id={fieldId('offerAnswerDays')}
            label="Termijn antwoord op woningaanbod (dagen)"
            inputMode="numeric"
            className="rule-set-short"
            description="Een aanbod zonder antwoord van de bewoner na deze termijn wordt gemarkeerd bij de casemanager en de corporatie."
            error={errors.offerAnswerDays?.message}
            {...register('offerAnswerDays', number)}
          />
          <TextField
            id={fieldId('neighbourhoodLoadThreshold')}
            label="Drempel wijkbelasting"
            inputMode="numeric"
            className="rule-set-short"
            description="Verhuizingen per wijk in de afgelopen 12 maanden waarbij een waarschuwing verschijnt."
            error={errors.neighbourhoodLoadThreshold?.message}
            {...register('neighbourhoodLoadThreshold', number)}
          />
        </div>
      </Fieldset>

      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Bewaren en beveiliging</FieldsetLegend>
        <TextField
          id={fieldId('retentionYears')}
          label="Bewaartermijn afgesloten casussen (jaren)"
          inputMode="numeric"
          className="rule-set-short"
          description="Daarna worden de persoonsgegevens van de casus gewist. Stem de termijn af met uw privacyfunctionaris."
          error={errors.retentionYears?.message}
          {...register('retentionYears', number)}
        />
        <CheckboxField
          id={fieldId('twoFactorRequired')}
          label="Tweestapsverificatie verplicht voor iedereen in de regio"
          description="Inloggen met wachtwoord én een code uit een authenticator-app."
          {...register('twoFactorRequired')}
        />
      </Fieldset>

      <ButtonGroup className="rule-set-actions">
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Bezig met opslaan…' : `Opslaan als versie ${nextVersion}`}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={formState.isSubmitting}
          onClick={() => void onSubmitDraft()}
        >
          Opslaan als concept
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={!formState.isDirty || formState.isSubmitting}
          onClick={() => {
            reset(defaultValues);
            setFailure(null);
          }}
        >
          Wijzigingen ongedaan maken
        </Button>
      </ButtonGroup>
    </form>
  );
}
