import { useEffect, useRef, type RefObject } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
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
  transitions,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { ConfirmPending, type ConfirmedSubmit } from '../core/ConfirmDialog';
import { SelectField } from '../core/form';
import { CheckboxField, TextareaField } from '../core/fields';
import { caseTitle, outcomeLabel } from '../core/format';
import { inputId } from '../core/form-errors';
import type { RegionMunicipalities } from '../core/region';
import {
  describeMotivationNote,
  describeNoDestination,
  isByDistribution,
  isMotivationRequired,
  problemAnchor,
  problemWording,
  type Attendee,
  type DecisionContext,
  type DecisionPartProps,
} from './decision-form';
import type { AgendaEntry, Table } from './table-api';
import { useDecisionForm, type DecisionSubmission } from './use-decision-form';
import { AttendanceFieldset } from './DecisionAttendance';
import { PreconditionsFieldset } from './DecisionPreconditions';

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
  const prefix = `besluit-${item.id}`;
  const id = (path: string) => inputId(prefix, path);
  const decision = useDecisionForm({ table, item, attendees, reload, onDecided });
  const { form, values, context, confirmation } = decision;
  const part = { form, values, id };
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const name = caseTitle(item.case);
  return (
    <section className="decision-form" aria-labelledby={`${prefix}-kop`}>
      <Heading level={4} id={`${prefix}-kop`} ref={headingRef} tabIndex={-1}>
        Besluit vastleggen: {name}
      </Heading>
      <ProblemSummary
        problems={decision.problems}
        prefix={prefix}
        id={id}
        summaryRef={decision.summaryRef}
      />
      <form
        noValidate
        onSubmit={decision.submit}
        className="table-form"
        aria-labelledby={`${prefix}-kop`}
      >
        <RuleAndDestination {...part} context={context} region={region} />
        <AttendanceFieldset {...part} attendees={attendees} />
        <PreconditionsFieldset
          {...part}
          organisations={organisations}
          supportNeeds={context.supportNeeds}
        />
        <FollowUpAndDispute {...part} organisations={organisations} />
        <DecisionButtons
          failure={decision.failure}
          isSubmitting={form.formState.isSubmitting}
          onCancel={onCancel}
        />
      </form>
      <ConfirmDecision
        id={`${prefix}-bevestigen`}
        name={name}
        confirmation={confirmation}
        send={decision.send}
      />
    </section>
  );
}

/** A failure that no field shows, and the form's two buttons. */
function DecisionButtons({
  failure,
  isSubmitting,
  onCancel,
}: {
  failure: string | null;
  isSubmitting: boolean;
  onCancel(): void;
}) {
  return (
    <>
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
    </>
  );
}

/** The question before the decision is recorded: what follows, and who is told (issue 27.1). */
function ConfirmDecision({
  id,
  name,
  confirmation,
  send,
}: {
  id: string;
  name: string;
  confirmation: ConfirmedSubmit<DecisionSubmission>;
  send(submission: DecisionSubmission): Promise<void>;
}) {
  return (
    <ConfirmPending
      id={id}
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
  );
}

/** What keeps the decision from being recorded, each a link to its field; it takes the focus. */
function ProblemSummary({
  problems,
  prefix,
  id,
  summaryRef,
}: {
  problems: readonly { path: string; message: string }[];
  prefix: string;
  id(path: string): string;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  if (problems.length === 0) return null;
  return (
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
              <Link href={`#${id(problemAnchor(p.path))}`}>
                {problemWording(p.path, p.message)}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}

/** The rule or exception, the destination (the proposal as its empty choice), and the motivation. */
function RuleAndDestination({
  form,
  values,
  id,
  context,
  region,
}: DecisionPartProps & { context: DecisionContext; region: RegionMunicipalities }) {
  const { errors } = form.formState;
  const isReferral = values.rule === 'buiten_regio';
  const motivationRequired = isMotivationRequired(values, context);
  return (
    <Fieldset className="decision-form__group">
      <FieldsetLegend>Regel en bestemming</FieldsetLegend>
      <Proposal context={context} region={region} />
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
            {describeNoDestination(values.rule, context, region.nameOf)}
          </SelectOption>
          {region.municipalities.map((m) => (
            <SelectOption key={m.code} value={m.code}>
              {m.name}
            </SelectOption>
          ))}
        </SelectField>
      )}
      {!isReferral && isByDistribution(values, context) && (
        <Paragraph className="decision-form__hint">
          De gemeente komt uit de telling van de regio, bij het vastleggen; kiest u zelf een
          gemeente, dan telt de verdeling niet mee.
        </Paragraph>
      )}
      <TextareaField
        id={id('motivation')}
        label={motivationRequired ? 'Motivering' : 'Motivering (niet verplicht)'}
        rows={3}
        description={describeMotivationNote(values, context)}
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
  );
}

/** What the origin rule proposes, as the chair starts from it. */
function Proposal({ context, region }: { context: DecisionContext; region: RegionMunicipalities }) {
  const proposal = context.proposal?.result ?? null;
  if (!proposal)
    return (
      <Paragraph className="decision-form__proposal">
        Er is geen voorstel van de herkomstregel voor deze casus.
      </Paragraph>
    );
  return (
    <Paragraph className="decision-form__proposal">
      Voorstel: <strong>{outcomeLabel[proposal.outcome]}</strong>
      {proposal.destination && (
        <>
          , naar <strong>{region.nameOf(proposal.destination)}</strong>
        </>
      )}
      {context.isDestinationProvisional && <> (voorlopig: de verdeling bepaalt bij het besluit)</>}.
    </Paragraph>
  );
}

/** Who provides the follow-up support (not for a referral), and whether a dispute goes up. */
function FollowUpAndDispute({
  form,
  values,
  id,
  organisations,
}: DecisionPartProps & { organisations: readonly RegionOrganisation[] }) {
  const { errors } = form.formState;
  return (
    <>
      {values.rule !== 'buiten_regio' && (
        <SelectField
          id={id('followUpProviderId')}
          label="Aanbieder van de nazorg"
          error={errors.followUpProviderId?.message}
          {...form.register('followUpProviderId')}
        >
          <SelectOption value="">Kies een zorgaanbieder</SelectOption>
          {organisations
            .filter((o) => o.kind === 'provider')
            .map((o) => (
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
    </>
  );
}
