import { useMemo } from 'react';
import { useForm, type FormState } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  amsterdamYear,
  ruleSetConfigSchema,
  type RuleSet,
  type RuleSetConfig,
  type RuleSetDraft,
} from '@uitstroom/shared';
import { RuleSetBindingFields } from './RuleSetBindingFields';
import { MunicipalitiesTable } from './MunicipalitiesTable';
import { ObjectionProcedures } from './ObjectionProcedures';
import {
  AgreementFieldset,
  RetentionFieldset,
  TablesAndSignalsFieldset,
  TargetGroupsFieldset,
  YouthAgeBandFieldset,
} from './RuleSetFieldsets';
import { ConflictAlert, ProblemsSummary } from './RuleSetFormAlerts';
import { collectProblems, emptyConfig } from './rule-set-form';
import { useRuleSetSubmit } from './use-rule-set-submit';

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

/** The regionAdmin's form: every field of the rule set, validated with the shared schema. */
export function RuleSetForm({ base, draft, onLoadNewest, ...callbacks }: Props) {
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
  const form = useForm<RuleSetConfig>({
    resolver: zodResolver(ruleSetConfigSchema),
    defaultValues,
    // The list of problems above the form takes the focus, and links to each field.
    shouldFocusError: false,
  });
  const { register, formState, control } = form;
  const submit = useRuleSetSubmit({ form, base, draft, ...callbacks });
  const { errors } = formState;
  const problems = collectProblems(errors);
  const fields = { register, errors };

  return (
    <form
      onSubmit={submit.onSubmit}
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
      {submit.conflict && (
        <ConflictAlert
          conflict={submit.conflict}
          alertRef={submit.conflictAlert}
          onLoadNewest={onLoadNewest}
        />
      )}
      {submit.failure && (
        <Alert type="error" role="alert" className="rule-set-alert">
          <Paragraph>{submit.failure}</Paragraph>
        </Alert>
      )}
      {problems.length > 0 && formState.submitCount > 0 && (
        <ProblemsSummary problems={problems} summaryRef={submit.summary} />
      )}
      <Fieldset className="rule-set-fieldset">
        <FieldsetLegend>Gemeenten en inwoneraantallen</FieldsetLegend>
        <Paragraph className="rule-set-note">
          De verdeling naar inwoneraantal (uitzondering C) rekent met deze aantallen. Neem de
          cijfers van het CBS over (inwoners op 1 januari van het peiljaar).
        </Paragraph>
        <MunicipalitiesTable {...fields} control={control} savedCodes={savedCodes} />
        <ObjectionProcedures {...fields} control={control} />
      </Fieldset>
      <TargetGroupsFieldset {...fields} />
      <YouthAgeBandFieldset {...fields} />
      <AgreementFieldset {...fields} control={control} />
      <RuleSetBindingFields {...fields} />
      <TablesAndSignalsFieldset {...fields} />
      <RetentionFieldset {...fields} />
      <FormActions
        formState={formState}
        nextVersion={(base?.version ?? 0) + 1}
        onSubmitDraft={submit.onSubmitDraft}
        onUndo={() => {
          form.reset(defaultValues);
          submit.clearFailure();
        }}
      />
    </form>
  );
}

/** Save as the next version (the form's submit), save as a draft, or undo the changes. */
function FormActions({
  formState,
  nextVersion,
  onSubmitDraft,
  onUndo,
}: {
  formState: FormState<RuleSetConfig>;
  nextVersion: number;
  onSubmitDraft(): Promise<void>;
  onUndo(): void;
}) {
  return (
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
        onClick={onUndo}
      >
        Wijzigingen ongedaan maken
      </Button>
    </ButtonGroup>
  );
}
