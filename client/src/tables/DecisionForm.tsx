import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading,
  Link,
  Paragraph,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  decisionRuleLabel,
  decisionRules,
  lifeDomainLabel,
  lifeDomains,
  organisationKinds,
  seatLabel,
  transitions,
  type DecisionInput,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { CheckboxField, ChoiceGroup, TextareaField } from '../core/fields';
import { caseTitle, outcomeLabel } from '../core/format';
import { messageOf } from '../core/messages';
import type { RegionMunicipalities } from '../core/region';
import {
  checkDecision,
  decisionFieldOf,
  decisionResolver,
  departsFromProposal,
  emptyPrecondition,
  initialDecisionValues,
  isByDistribution,
  isMotivationRequired,
  preconditionsFromSupportNeeds,
  seatsAtTable,
  toDecisionBody,
  type Attendee,
  type DecisionContext,
  type DecisionValues,
} from './decision-form';
import { flattenErrors, inputId } from '../core/form-errors';
import { isVersionConflict, type AgendaEntry, type Table } from './table-api';
import { useTableStep } from './table-mutations';

const kindGroup = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
} as const;
const fieldOrder = [
  'rule',
  'destination',
  'motivation',
  'referralSummary',
  'attendance',
  'preconditions',
  'followUpProviderId',
  'isDisputed',
];

/**
 * The chair records the table's decision on one case: rule and destination (the proposal
 * prefilled), a motivation where required, who was present and what each said, the
 * preconditions, the follow-up provider, and whether a dispute goes to the steering group.
 */
export function DecisionForm({
  table,
  item,
  attendees,
  organisations,
  region,
  onDecided,
  reload,
  onCancel,
}: {
  table: Table;
  item: AgendaEntry;
  attendees: readonly Attendee[];
  organisations: readonly RegionOrganisation[];
  region: RegionMunicipalities;
  onDecided(): void;
  /** Reads the table again (the decision's version was stale). */
  reload(): Promise<void>;
  onCancel(): void;
}) {
  const me = useMe();
  const prefix = `besluit-${item.id}`;
  const id = (path: string) => inputId(prefix, path);
  const context: DecisionContext = {
    tableVersion: table.version,
    caseVersion: item.case.version ?? 0,
    proposal: item.case.proposal ?? null,
    isDestinationProvisional: item.isDestinationProvisional,
    attendees,
    supportNeeds: item.case.supportNeeds,
  };
  const contextRef = useRef(context);
  contextRef.current = context;
  const [resolver] = useState(() => decisionResolver(() => contextRef.current));
  const form = useForm<DecisionValues>({
    defaultValues: initialDecisionValues(context, {
      chairOrganisationId: me.organisation.id,
      caseOwnerOrganisationId: item.case.owner?.organisationId,
    }),
    // The summary of problems takes the focus, not the first field: it says what is wrong, and links to each.
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const preconditions = useFieldArray({ control: form.control, name: 'preconditions' });
  const values = useWatch({ control: form.control }) as DecisionValues;
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const isSummaryFocusPending = useRef(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const name = caseTitle(item.case);
  const proposal = item.case.proposal?.result ?? null;
  const isReferral = values.rule === 'buiten_regio';
  const providers = organisations.filter((o) => o.kind === 'provider');
  const problems = flattenErrors(errors).sort(
    (a, b) => fieldOrder.indexOf(a.path.split('.')[0]!) - fieldOrder.indexOf(b.path.split('.')[0]!),
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // Rule and destination decide what else is required: once shown, those messages follow them.
  useEffect(() => {
    if (isSubmitted)
      void form.trigger(['destination', 'motivation', 'referralSummary', 'followUpProviderId']);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-check only when rule or destination changes
  }, [values.rule, values.destination]);
  // After a refused "Vastleggen", the summary of problems takes the focus as soon as it is there
  // (react-hook-form hands over its errors after the refusal callback).
  useLayoutEffect(() => {
    if (isSummaryFocusPending.current && summaryRef.current) {
      isSummaryFocusPending.current = false;
      summaryRef.current.focus();
    }
  });

  // A valid decision is asked once more before it is recorded (issue 27.1): what follows, who is told.
  const decide = useTableStep(table, reload);
  const confirmation = useConfirmedSubmit<{ formValues: DecisionValues; body: DecisionInput }>();
  const submit = form.handleSubmit(
    (formValues) => {
      setFailure(null);
      const { body } = checkDecision(formValues, contextRef.current);
      if (body) confirmation.ask({ formValues, body });
    },
    () => {
      isSummaryFocusPending.current = true;
    },
  );
  const send = async ({
    formValues,
    body,
  }: {
    formValues: DecisionValues;
    body: DecisionInput;
  }) => {
    try {
      await decide.mutateAsync({
        kind: 'decide',
        itemId: item.id,
        caseId: item.case.id,
        decision: body,
      });
      onDecided();
    } catch (error) {
      if (isVersionConflict(error)) {
        setFailure(
          `${messageOf(error)} De agenda is opnieuw geladen; controleer het besluit en leg het opnieuw vast.`,
        );
        return;
      }
      const { voteRows } = toDecisionBody(formValues, contextRef.current);
      const issues = error instanceof ApiError ? error.issues : [];
      const unplaced: string[] = [];
      for (const issue of issues) {
        const field = decisionFieldOf(issue.path, voteRows);
        if (field) form.setError(field as never, { type: 'server', message: issue.message });
        else unplaced.push(issue.message);
      }
      if (!issues.length || unplaced.length)
        setFailure(
          [messageOf(error, 'Het besluit kon niet worden vastgelegd.'), ...unplaced].join(' '),
        );
      if (issues.length) isSummaryFocusPending.current = true;
    }
  };

  const motivationRequired = isMotivationRequired(values, context);
  const motivationNote = `${
    !motivationRequired
      ? 'Niet verplicht: de tafel volgt het voorstel.'
      : departsFromProposal(values, context)
        ? 'Verplicht: de tafel wijkt af van het voorstel. Minstens 10 tekens.'
        : 'Verplicht: bij uitzondering A, B en D motiveert de tafel altijd. Minstens 10 tekens.'
  } ${values.rule === 'A' ? 'De motivering bij A blijft buiten de brief aan de bewoner (veiligheid).' : 'De motivering komt woordelijk in de brief aan de bewoner: schrijf haar in eenvoudige taal.'}`;
  const distribution = isByDistribution(values, context);

  return (
    <section className="decision-form" aria-labelledby={`${prefix}-kop`}>
      <Heading level={4} id={`${prefix}-kop`} ref={headingRef} tabIndex={-1}>
        Besluit vastleggen: {name}
      </Heading>
      {problems.length > 0 && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          className="decision-form__problems"
          role="group"
          aria-labelledby={`${prefix}-problemen`}
        >
          <Alert type="error">
            <Paragraph id={`${prefix}-problemen`}>
              <strong>Het besluit is nog niet vastgelegd. Verbeter:</strong>
            </Paragraph>
            <UnorderedList>
              {problems.map((p) => (
                <UnorderedListItem key={p.path}>
                  <Link href={`#${id(p.path.replace(/\.(position|isPresent)$/, '.position'))}`}>
                    {p.message}
                  </Link>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </Alert>
        </div>
      )}
      <form noValidate onSubmit={submit} className="table-form" aria-labelledby={`${prefix}-kop`}>
        <Fieldset className="decision-form__group">
          <FieldsetLegend>Regel en bestemming</FieldsetLegend>
          {proposal ? (
            <Paragraph className="decision-form__proposal">
              Voorstel: <strong>{outcomeLabel[proposal.outcome]}</strong>
              {proposal.destination && (
                <>
                  , naar <strong>{region.nameOf(proposal.destination)}</strong>
                </>
              )}
              {item.isDestinationProvisional && (
                <> (voorlopig: de verdeling bepaalt bij het besluit)</>
              )}
              .
            </Paragraph>
          ) : (
            <Paragraph className="decision-form__proposal">
              Er is geen voorstel van de herkomstregel voor deze casus.
            </Paragraph>
          )}
          <SelectField
            id={id('rule')}
            label="Regel of uitzondering"
            error={errors.rule?.message}
            {...form.register('rule')}
          >
            {decisionRules.map((rule) => (
              <SelectOption key={rule} value={rule}>
                {decisionRuleLabel[rule]}
              </SelectOption>
            ))}
          </SelectField>
          {!isReferral && (
            <SelectField
              id={id('destination')}
              label="Bestemming"
              error={errors.destination?.message}
              {...form.register('destination')}
            >
              <SelectOption value="">
                {values.rule === 'C' || (values.rule === 'A' && item.isDestinationProvisional)
                  ? 'De verdeling naar inwoneraantal bepaalt'
                  : proposal?.destination
                    ? `Zoals voorgesteld: ${region.nameOf(proposal.destination)}`
                    : 'Kies een gemeente'}
              </SelectOption>
              {region.municipalities.map((m) => (
                <SelectOption key={m.code} value={m.code}>
                  {m.name}
                </SelectOption>
              ))}
            </SelectField>
          )}
          {!isReferral && distribution && (
            <Paragraph className="decision-form__hint">
              De gemeente komt uit de telling van de regio, bij het vastleggen; kiest u zelf een
              gemeente, dan telt de verdeling niet mee.
            </Paragraph>
          )}
          <TextareaField
            id={id('motivation')}
            label={motivationRequired ? 'Motivering' : 'Motivering (niet verplicht)'}
            rows={3}
            description={motivationNote}
            error={errors.motivation?.message}
            aria-required={motivationRequired}
            {...form.register('motivation')}
          />
          {isReferral && (
            <TextareaField
              id={id('referralSummary')}
              label="Overdracht aan de herkomstregio"
              rows={4}
              description="De casus wordt afgesloten als verwezen naar de regio van herkomst. Schrijf wat die regio moet weten (minstens 10 tekens)."
              error={errors.referralSummary?.message}
              {...form.register('referralSummary')}
            />
          )}
        </Fieldset>

        <Fieldset
          className="decision-form__group"
          invalid={!!errors.attendance?.message}
          aria-describedby={errors.attendance?.message ? `${id('attendance')}-fout` : undefined}
        >
          <FieldsetLegend>Aanwezig en standpunt</FieldsetLegend>
          <FormFieldDescription>
            Vink aan wie er aan tafel zat, met de rol waarin. Leg per organisatie vast of zij
            akkoord gaat of bezwaar maakt, met de reden van een bezwaar.
          </FormFieldDescription>
          {errors.attendance?.message && (
            <FormFieldErrorMessage id={`${id('attendance')}-fout`}>
              {errors.attendance.message}
            </FormFieldErrorMessage>
          )}
          <ul className="attendance" id={id('attendance')} tabIndex={-1}>
            {attendees.map((attendee, row) => {
              const value = values.attendance?.[row];
              const seats = seatsAtTable(attendee.kind);
              const rowErrors = errors.attendance?.[row];
              return (
                <li
                  key={attendee.id}
                  className={`attendance__row${value?.isPresent ? '' : ' attendance__row--absent'}`}
                >
                  <CheckboxField
                    id={id(`attendance.${row}.isPresent`)}
                    label={
                      <>
                        {attendee.name}
                        {seats.length === 1 ? (
                          <span className="attendance__seat"> ({seatLabel[seats[0]!]})</span>
                        ) : null}
                      </>
                    }
                    {...form.register(`attendance.${row}.isPresent`)}
                  />
                  {value?.isPresent && (
                    <div className="attendance__details">
                      {seats.length > 1 && (
                        <SelectField
                          id={id(`attendance.${row}.seat`)}
                          label={`Rol van ${attendee.name}`}
                          {...form.register(`attendance.${row}.seat`)}
                        >
                          {seats.map((seat) => (
                            <SelectOption key={seat} value={seat}>
                              {seatLabel[seat]}
                            </SelectOption>
                          ))}
                        </SelectField>
                      )}
                      <ChoiceGroup
                        id={id(`attendance.${row}.position`)}
                        type="radio"
                        className="case-choices--inline"
                        legend={`Standpunt van ${attendee.name}`}
                        error={rowErrors?.position?.message}
                        registration={form.register(`attendance.${row}.position`)}
                        options={[
                          { value: 'agree', label: 'Akkoord' },
                          { value: 'object', label: 'Bezwaar' },
                          { value: '', label: 'Geen standpunt' },
                        ]}
                      />
                      {value.position === 'object' && (
                        <TextareaField
                          id={id(`attendance.${row}.reason`)}
                          label={`Reden van het bezwaar van ${attendee.name}`}
                          rows={2}
                          description="Minstens 10 tekens."
                          error={rowErrors?.reason?.message}
                          {...form.register(`attendance.${row}.reason`)}
                        />
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </Fieldset>

        <Fieldset className="decision-form__group" invalid={!!errors.preconditions?.message}>
          <FieldsetLegend>Randvoorwaarden</FieldsetLegend>
          <FormFieldDescription>
            Wat geregeld moet zijn voor of bij de verhuizing, per leefgebied, met wie het regelt en
            wanneer.
            {preconditionsFromSupportNeeds(context.supportNeeds).length > 0 &&
              ' Overgenomen uit de ondersteuningsbehoefte van de intake: pas ze aan, vul aan wie het regelt en wanneer, of verwijder wat niet nodig is.'}
          </FormFieldDescription>
          {(errors.preconditions?.message ?? errors.preconditions?.root?.message) && (
            <FormFieldErrorMessage id={`${id('preconditions')}-fout`}>
              {errors.preconditions?.message ?? errors.preconditions?.root?.message}
            </FormFieldErrorMessage>
          )}
          {preconditions.fields.length === 0 && (
            <Paragraph className="decision-form__hint" id={id('preconditions')} tabIndex={-1}>
              Nog geen randvoorwaarden.
            </Paragraph>
          )}
          <ol className="precondition-rows">
            {preconditions.fields.map((field, index) => {
              const rowErrors = errors.preconditions?.[index];
              return (
                <li key={field.id}>
                  <Fieldset className="precondition-row">
                    <FieldsetLegend>Randvoorwaarde {index + 1}</FieldsetLegend>
                    <div className="precondition-row__grid">
                      <SelectField
                        id={id(`preconditions.${index}.lifeDomain`)}
                        label="Leefgebied"
                        error={rowErrors?.lifeDomain?.message}
                        {...form.register(`preconditions.${index}.lifeDomain`)}
                      >
                        <SelectOption value="">Kies een leefgebied</SelectOption>
                        {lifeDomains.map((d) => (
                          <SelectOption key={d} value={d}>
                            {lifeDomainLabel[d]}
                          </SelectOption>
                        ))}
                      </SelectField>
                      <SelectField
                        id={id(`preconditions.${index}.ownerOrganisationId`)}
                        label="Wie regelt het"
                        error={rowErrors?.ownerOrganisationId?.message}
                        {...form.register(`preconditions.${index}.ownerOrganisationId`)}
                      >
                        <SelectOption value="">Kies een organisatie</SelectOption>
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
                      onClick={() => preconditions.remove(index)}
                    >
                      Randvoorwaarde {index + 1} verwijderen
                    </Button>
                  </Fieldset>
                </li>
              );
            })}
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

        {!isReferral && (
          <SelectField
            id={id('followUpProviderId')}
            label="Aanbieder van de nazorg"
            error={errors.followUpProviderId?.message}
            {...form.register('followUpProviderId')}
          >
            <SelectOption value="">Kies een zorgaanbieder</SelectOption>
            {providers.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </SelectField>
        )}
        <CheckboxField
          id={id('isDisputed')}
          label="Geschil voor de stuurgroep"
          description="Vink aan als een bezwaar aan tafel niet is opgelost: de stuurgroep van de regio beslist dan."
          error={errors.isDisputed?.message}
          {...form.register('isDisputed')}
        />
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
            Besluit vastleggen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
      <ConfirmPending
        id={`${prefix}-bevestigen`}
        title={`Besluit vastleggen: ${name}`}
        consequence={
          confirmation.pending?.formValues.rule === 'buiten_regio'
            ? transitions.referToOriginRegion.consequence
            : transitions.decide.consequence
        }
        confirmLabel="Besluit vastleggen"
        confirmation={confirmation}
        send={send}
      />
    </section>
  );
}
