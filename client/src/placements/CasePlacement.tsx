import { useState, type ReactNode } from 'react';
import { useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import {
  answerOfferSchema,
  confirmPlacementSchema,
  dwellingKindLabel,
  formatDutchDate,
  formatDutchEuro,
  moveInSchema,
  offerAnswerLabel,
  offerStatusLabel,
  placementReasonSchema,
  supportIntensities,
  supportIntensityLabel,
  tenancyFormLabel,
  tenancyForms,
  transitions,
  type AnswerOffer,
  type ConfirmPlacement,
  type DocumentSummary,
  type MoveIn,
  type OfferView,
  type PlacementView,
  keysBeforeAvailable,
  roomsLabel,
  stepConsequence,
} from '@uitstroom/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { FailureAlert } from '../core/FailureAlert';
import {
  ChoiceGroup,
  DateField,
  emptyAsUndefined,
  OptionsField,
  optionsOf,
  TextareaField,
} from '../core/fields';
import { messageOf } from '../core/messages';
import { formatDays, formatDutchTimestamp, todayIsoDate } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import { documentUrl, useCaseDocuments } from '../cases';
import {
  answerOffer,
  confirmPlacement,
  fetchPlacement,
  recordMoveIn,
  refusePlacement,
  usePlacementStep,
  withdrawOffer,
} from './placement-api';
import { NeighbourhoodLoadNote } from './NeighbourhoodLoadNote';
import { ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { ReasonDialog } from '../core/ReasonDialog';
import './placements.css';
import { Facts } from '../core/Facts';

/**
 * The dwelling of a case (domain.md §4, "woning aangeboden" to "verhuisd"), as the reader's seat
 * may see it: the offer with the neighbourhood's load, and per seat the step that is its own — the
 * case manager records the resident's answer, the corporation may withdraw, the destination
 * municipality confirms or refuses, the case manager or the corporation records the move. A 409
 * (someone was first, or the case moved on) is shown in Dutch where the step was taken.
 */
export function CasePlacement({
  caseId,
  region,
  onCaseChanged,
}: {
  caseId: string;
  region: RegionMunicipalities;
  /** A step moved the case: the page reads it again and says what happened. */
  onCaseChanged(notice: string): void;
}) {
  // Read again whenever the case changes, by this page or another seat (the case page invalidates it).
  const placementQuery = useQuery({
    queryKey: queryKeys.casePlacement(caseId),
    queryFn: ({ signal }) => fetchPlacement(caseId, signal),
  });
  const placement = placementQuery.data ?? null;
  if (!placement)
    return (
      <QueryStatus query={placementQuery} failure="Het woningaanbod kon niet worden geladen." />
    );
  const { current, history, moveIn, can } = placement;
  if (!current && history.length === 0 && !moveIn) return null;

  // The step's answer is in the cache already (usePlacementStep); the case page reads the case.
  const done = (_next: PlacementView, notice: string) => onCaseChanged(notice);

  return (
    <section className="case-card placement" aria-labelledby="woningaanbod-kop">
      <Heading level={2} id="woningaanbod-kop">
        {moveIn ? 'Woning en verhuizing' : 'Woningaanbod'}
      </Heading>
      {current ? (
        <OfferFacts offer={current} region={region} />
      ) : (
        <Paragraph>
          Er staat geen aanbod open; de casus{' '}
          {placement.state === 'searching' ? 'zoekt een woning' : 'is terug bij de tafel'}.
        </Paragraph>
      )}

      {current && can.answer && (
        <AnswerForm caseId={caseId} placement={placement} offer={current} onDone={done} />
      )}
      {current && can.confirm && (
        <ConfirmForm caseId={caseId} placement={placement} offer={current} onDone={done} />
      )}
      {current && placement.state === 'offered' && current.status === 'open' && can.refuse && (
        <Paragraph className="case-card__note">
          De bewoner heeft nog niet geantwoord. Bevestigen kan zodra de casemanager de aanvaarding
          heeft vastgelegd.
        </Paragraph>
      )}
      {current && (can.withdraw || can.refuse) && (
        <ReasonSteps caseId={caseId} placement={placement} offer={current} onDone={done} />
      )}
      {current && can.moveIn && (
        <MoveInForm caseId={caseId} placement={placement} offer={current} onDone={done} />
      )}
      {moveIn && <MoveInFacts placement={placement} caseId={caseId} />}

      {history.length > 0 && <OfferHistory history={history} region={region} />}
    </section>
  );
}

/** The offers before the current one, with the reason each ended. */
function OfferHistory({
  history,
  region,
}: {
  history: PlacementView['history'];
  region: RegionMunicipalities;
}) {
  return (
    <>
      <Heading level={3}>Eerdere aanbiedingen</Heading>
      <ul className="placement-history">
        {history.map((o) => (
          <li key={o.id}>
            <strong>{offerStatusLabel[o.status]}</strong> — {o.corporation.name},{' '}
            {o.dwelling.neighbourhood} ({region.nameOf(o.dwelling.municipalityCode)}), aangeboden op{' '}
            {formatDutchTimestamp(o.offeredAt)}
            {(o.declineReason ?? o.withdrawalReason ?? o.refusalReason) && (
              <>
                . Reden: <q>{o.declineReason ?? o.withdrawalReason ?? o.refusalReason}</q>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function OfferFacts({ offer, region }: { offer: OfferView; region: RegionMunicipalities }) {
  const d = offer.dwelling;
  const municipality = region.nameOf(d.municipalityCode);
  const facts: [string, ReactNode][] = [
    [
      'Corporatie',
      offer.isOwnOffer ? `${offer.corporation.name} (uw aanbod)` : offer.corporation.name,
    ],
    [
      'Woning',
      d.address
        ? `${d.address.street} ${d.address.houseNumber}, ${d.address.postcode} ${municipality}`
        : `In de wijk ${d.neighbourhood}, ${municipality}`,
    ],
    ['Wijk', d.neighbourhood],
    [
      'Soort',
      `${dwellingKindLabel[d.kind]}, ${roomsLabel(d.rooms)}, ${d.floor === 0 ? 'begane grond' : `verdieping ${d.floor}`}${d.hasLift ? ' met lift' : ''}`,
    ],
    ['Huur per maand', formatDutchEuro(d.rent)],
    ['Huurvorm', tenancyFormLabel[d.tenancyForm]],
    ['Aangeboden op', formatDutchTimestamp(offer.offeredAt)],
  ];
  if (d.conversionDate)
    facts.push([
      'Omzetting naar eigen naam',
      `${formatDutchDate(d.conversionDate)}${d.conversionConditions ? ` — ${d.conversionConditions}` : ''}`,
    ]);
  if (offer.status === 'open')
    facts.push(['Antwoord van de bewoner uiterlijk', formatDutchDate(offer.answerDueOn)]);
  if (offer.answeredAt)
    facts.push(['Aanvaard door de bewoner op', formatDutchTimestamp(offer.answeredAt)]);
  if (offer.decidedAt && offer.supportArranged)
    facts.push(['Plaatsing bevestigd op', formatDutchTimestamp(offer.decidedAt)]);
  if (offer.supportArranged) facts.push(['Ondersteuning door de gemeente', offer.supportArranged]);
  if (offer.supportIntensity)
    facts.push(['Intensiteit van de begeleiding', supportIntensityLabel[offer.supportIntensity]]);
  if (offer.waitedDays !== null)
    facts.push([
      'Wachttijd tot dit aanbod',
      `${formatDays(offer.waitedDays)} sinds uitstroomgereed`,
    ]);
  return (
    <div className="placement-offer">
      <div className="case-header__badges">
        <StatusBadge
          status={offer.status === 'completed' ? 'success' : 'neutral'}
          className="placement-badge"
        >
          {offerStatusLabel[offer.status]}
        </StatusBadge>
        {offer.isAnswerOverdue && (
          <StatusBadge status="warning" className="placement-badge placement-badge--overdue">
            Termijn voor het antwoord verstreken
          </StatusBadge>
        )}
      </div>
      {offer.isAnswerOverdue && (
        <Alert type="warning">
          <Paragraph>
            Het antwoord van de bewoner had er uiterlijk {formatDutchDate(offer.answerDueOn)} moeten
            zijn. De woning staat intussen leeg.
          </Paragraph>
        </Alert>
      )}
      <Facts facts={facts} />
      {offer.neighbourhoodLoad && (
        <NeighbourhoodLoadNote load={offer.neighbourhoodLoad} municipalityName={municipality} />
      )}
    </div>
  );
}

// ---- the steps ----

interface StepProps {
  caseId: string;
  placement: PlacementView;
  offer: OfferView;
  onDone(next: PlacementView, notice: string): void;
}

/** The server's message of a refused step, and its field issues at the fields the form has. */
function useStepFailure<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  const [failure, setFailure] = useState<string | null>(null);
  const report = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
      const placed = error.issues.filter((issue) => fields.includes(issue.path));
      for (const issue of placed) setError(issue.path as Path<T>, { message: issue.message });
      setFailure(placed.length === error.issues.length && placed.length > 0 ? null : error.message);
      return;
    }
    setFailure(
      error instanceof ApiError && error.code === 'VERSION_CONFLICT'
        ? 'Iemand anders heeft de casus of het aanbod net gewijzigd. Laad de pagina opnieuw.'
        : // The page shows an offer that has been answered or taken back meanwhile.
          error instanceof ApiError &&
            ['OFFER_ALREADY_ANSWERED', 'NO_OPEN_OFFER'].includes(error.code)
          ? `${error.message} Laad de pagina opnieuw.`
          : messageOf(error),
    );
  };
  return { failure, setFailure, report };
}

function AnswerForm({ caseId, placement, offer, onDone }: StepProps) {
  const form = useForm<AnswerOffer>({
    resolver: zodResolver(answerOfferSchema),
    defaultValues: {
      caseVersion: placement.caseVersion,
      offerVersion: offer.version,
      answer: undefined,
      reason: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { failure, report, setFailure } = useStepFailure(form.setError, ['answer', 'reason']);
  const isDecline = form.watch('answer') === 'declined';
  const answer = usePlacementStep(caseId, answerOffer);
  const confirmation = useConfirmedSubmit<AnswerOffer>();
  const submit = form.handleSubmit(confirmation.ask);
  const send = async (values: AnswerOffer) => {
    setFailure(null);
    try {
      const next = await answer.mutateAsync({
        ...values,
        reason: values.answer === 'declined' ? values.reason : undefined,
      });
      onDone(
        next,
        values.answer === 'accepted'
          ? 'De aanvaarding is vastgelegd. De gemeente van bestemming bevestigt nu de plaatsing.'
          : 'De afwijzing is vastgelegd. De woning is weer vrij en de casus zoekt verder.',
      );
    } catch (error) {
      report(error);
    }
  };
  return (
    <form className="placement-step" noValidate onSubmit={submit} aria-labelledby="antwoord-kop">
      <Heading level={3} id="antwoord-kop">
        Antwoord van de bewoner
      </Heading>
      <ChoiceGroup
        id="antwoord-keuze"
        type="radio"
        legend="Wat antwoordt de bewoner op deze woning?"
        error={form.formState.errors.answer?.message}
        registration={form.register('answer')}
        options={[
          { value: 'accepted', label: offerAnswerLabel.accepted },
          { value: 'declined', label: offerAnswerLabel.declined },
        ]}
      />
      {isDecline && (
        <TextareaField
          id="antwoord-reden"
          label="Reden van de afwijzing"
          description={`Minstens 10 tekens. ${transitions.declineOffer.description}`}
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
      )}
      <FailureAlert failure={failure} />
      <SubmitStep label="Antwoord vastleggen" isBusy={form.formState.isSubmitting} />
      <ConfirmPending
        id="antwoord-bevestigen"
        title="Antwoord van de bewoner vastleggen"
        consequence={
          confirmation.pending?.answer === 'declined'
            ? transitions.declineOffer.consequence
            : stepConsequence.acceptOffer
        }
        confirmLabel="Antwoord vastleggen"
        confirmation={confirmation}
        send={send}
      />
    </form>
  );
}

function ConfirmForm({ caseId, placement, offer, onDone }: StepProps) {
  const form = useForm<ConfirmPlacement>({
    resolver: zodResolver(confirmPlacementSchema),
    defaultValues: {
      caseVersion: placement.caseVersion,
      offerVersion: offer.version,
      supportArranged: '',
      supportIntensity: undefined,
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { failure, report, setFailure } = useStepFailure(form.setError, [
    'supportArranged',
    'supportIntensity',
  ]);
  const confirm = usePlacementStep(caseId, confirmPlacement);
  const confirmation = useConfirmedSubmit<ConfirmPlacement>();
  const submit = form.handleSubmit(confirmation.ask);
  const send = async (values: ConfirmPlacement) => {
    setFailure(null);
    try {
      onDone(
        await confirm.mutateAsync(values),
        'De plaatsing is bevestigd. De verhuizing kan worden vastgelegd.',
      );
    } catch (error) {
      report(error);
    }
  };
  return (
    <form className="placement-step" noValidate onSubmit={submit} aria-labelledby="bevestigen-kop">
      <Heading level={3} id="bevestigen-kop">
        {transitions.confirmPlacement.label}
      </Heading>
      <Paragraph>{transitions.confirmPlacement.description}</Paragraph>
      <TextareaField
        id="bevestigen-ondersteuning"
        label="Ondersteuning die de gemeente regelt"
        description="Bijvoorbeeld de Wmo-begeleiding, wie die geeft en vanaf wanneer."
        error={form.formState.errors.supportArranged?.message}
        {...form.register('supportArranged')}
      />
      <ChoiceGroup
        id="bevestigen-intensiteit"
        type="radio"
        legend="Intensiteit van de begeleiding"
        error={form.formState.errors.supportIntensity?.message}
        registration={form.register('supportIntensity')}
        options={supportIntensities.map((value) => ({
          value,
          label: supportIntensityLabel[value],
        }))}
      />
      <FailureAlert failure={failure} />
      <SubmitStep label="Plaatsing bevestigen" isBusy={form.formState.isSubmitting} />
      <ConfirmPending
        id="bevestigen-bevestigen"
        title={transitions.confirmPlacement.label}
        consequence={transitions.confirmPlacement.consequence}
        confirmLabel="Plaatsing bevestigen"
        confirmation={confirmation}
        send={send}
      />
    </form>
  );
}

/** Withdrawing (the corporation) and refusing (the municipality): a reason, in a dialog. */
function ReasonSteps({ caseId, placement, offer, onDone }: StepProps) {
  const [open, setOpen] = useState<'withdraw' | 'refuse' | null>(null);
  const withdraw = usePlacementStep(caseId, withdrawOffer);
  const refuse = usePlacementStep(caseId, refusePlacement);
  const step = open === 'withdraw' ? 'withdrawOffer' : 'refusePlacement';
  return (
    <>
      <ButtonGroup className="placement-reason-buttons">
        {placement.can.withdraw && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setOpen('withdraw')}
          >
            {transitions.withdrawOffer.label}
          </Button>
        )}
        {placement.can.refuse && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setOpen('refuse')}
          >
            {transitions.refusePlacement.label}
          </Button>
        )}
      </ButtonGroup>
      {open && (
        <ReasonDialog
          id={open === 'withdraw' ? 'intrekken' : 'weigeren'}
          title={transitions[step].label}
          consequence={`${transitions[step].description} ${transitions[step].consequence}`}
          schema={placementReasonSchema}
          submitLabel={open === 'withdraw' ? 'Aanbod intrekken' : 'Plaatsing weigeren'}
          onClose={() => setOpen(null)}
          onSubmit={async (reason) => {
            const body = {
              caseVersion: placement.caseVersion,
              offerVersion: offer.version,
              reason,
            };
            const next =
              open === 'withdraw'
                ? await withdraw.mutateAsync(body)
                : await refuse.mutateAsync(body);
            setOpen(null);
            onDone(
              next,
              open === 'withdraw'
                ? 'Het aanbod is ingetrokken. De woning is weer vrij en de casus zoekt verder.'
                : 'De plaatsing is geweigerd. De casus gaat terug naar de tafel; de wachttijd loopt door.',
            );
          }}
        />
      )}
    </>
  );
}

/** The button that sends a step's form (the step's dialog asks first). */
function SubmitStep({ label, isBusy }: { label: string; isBusy: boolean }) {
  return (
    <Button type="submit" appearance="primary-action-button" disabled={isBusy}>
      {label}
    </Button>
  );
}

// ---- the move ----

type MoveInValues = MoveIn;
const moveInFields = [
  'keyHandoverDate',
  'tenancyForm',
  'agreementConditions',
  'agreementDocumentId',
];

function MoveInForm({ caseId, placement, offer, onDone }: StepProps) {
  // The signed agreement may be among the case's documents (those this seat may see).
  const documents: DocumentSummary[] = useCaseDocuments(caseId).data ?? [];
  const form = useForm<MoveInValues>({
    resolver: zodResolver(moveInSchema),
    defaultValues: {
      caseVersion: placement.caseVersion,
      offerVersion: offer.version,
      keyHandoverDate: todayIsoDate(),
      tenancyForm: offer.dwelling.tenancyForm,
      agreementConditions: '',
      agreementDocumentId: undefined,
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = form.formState;
  const { failure, report, setFailure } = useStepFailure(form.setError, moveInFields);
  const moveIn = usePlacementStep(caseId, recordMoveIn);
  const confirmation = useConfirmedSubmit<MoveInValues>();
  const earlyKeys = (values: MoveInValues) =>
    keysBeforeAvailable(values.keyHandoverDate, offer.dwelling.availableFrom);
  const submit = form.handleSubmit(confirmation.ask);
  const send = async (values: MoveInValues) => {
    setFailure(null);
    try {
      onDone(
        // The dialog named an early handover (keys before the dwelling is free): its yes confirms it.
        await moveIn.mutateAsync({ ...values, confirmed: earlyKeys(values) !== null }),
        'De verhuizing is vastgelegd. De nazorgaanbieder kan de nazorg starten.',
      );
    } catch (error) {
      report(error);
    }
  };
  return (
    <form className="placement-step" noValidate onSubmit={submit} aria-labelledby="verhuizing-kop">
      <Heading level={3} id="verhuizing-kop">
        {transitions.moveIn.label}
      </Heading>
      <Paragraph>{transitions.moveIn.description}</Paragraph>
      <MoveInDateFields form={form} />
      <TextareaField
        id="verhuizing-overeenkomst"
        label="Afspraken in de driepartijenovereenkomst (huurder, corporatie, zorgaanbieder)"
        rows={4}
        description="Bijvoorbeeld de begeleiding, wat er gebeurt bij een achterstand of overlast, en wanneer de huur op eigen naam gaat."
        error={errors.agreementConditions?.message}
        {...form.register('agreementConditions')}
      />
      <AgreementDocumentField form={form} documents={documents} />
      <ProviderContactNote placement={placement} />
      <FailureAlert failure={failure} />
      <SubmitStep label="Verhuizing vastleggen" isBusy={form.formState.isSubmitting} />
      <ConfirmPending
        id="verhuizing-bevestigen"
        title={transitions.moveIn.label}
        consequence={[
          confirmation.pending && earlyKeys(confirmation.pending),
          transitions.moveIn.consequence,
        ]
          .filter(Boolean)
          .join(' ')}
        confirmLabel="Verhuizing vastleggen"
        confirmation={confirmation}
        send={send}
      />
    </form>
  );
}

type MoveInFormApi = ReturnType<typeof useForm<MoveInValues>>;

/** The key handover date and the tenancy form of the move. */
function MoveInDateFields({ form }: { form: MoveInFormApi }) {
  const { errors } = form.formState;
  return (
    <div className="placement-row">
      <DateField
        id="verhuizing-sleutels"
        label="Datum sleuteloverdracht"
        error={errors.keyHandoverDate?.message}
        {...form.register('keyHandoverDate')}
      />
      <OptionsField
        id="verhuizing-huurvorm"
        label="Huurvorm"
        description="Zoals bij de woning geregistreerd, tenzij anders afgesproken."
        options={optionsOf(tenancyForms, tenancyFormLabel)}
        error={errors.tenancyForm?.message}
        {...form.register('tenancyForm')}
      />
    </div>
  );
}

/**
 * Whom the corporation calls at the care provider, in office hours and day and night: kept by the
 * provider in its own settings (issue 27.2), shown here, never typed by the corporation.
 */
function ProviderContactNote({ placement }: { placement: PlacementView }) {
  const contact = placement.followUpProviderContact;
  const provider = placement.followUpProvider ?? 'De nazorgaanbieder';
  if (!contact)
    return (
      <Alert type="warning">
        <Paragraph>
          {provider} heeft nog geen contactpersoon en 24/7-nummer ingesteld. Vraag de aanbieder dat
          te doen bij Organisatie-instellingen; daarna kan de verhuizing worden vastgelegd.
        </Paragraph>
      </Alert>
    );
  return (
    <DataList className="case-facts" aria-label={`Contact van ${provider} voor de corporatie`}>
      <DataListItem>
        <DataListKey>Contactpersoon zorgaanbieder</DataListKey>
        <DataListValue>{`${contact.name} (${provider})`}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Telefoon (kantoortijden)</DataListKey>
        <DataListValue>{contact.phone}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Telefoon 24/7 (dag en nacht)</DataListKey>
        <DataListValue>{contact.emergencyPhone}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

/** The signed agreement, chosen among the case's documents this seat may see. */
function AgreementDocumentField({
  form,
  documents,
}: {
  form: MoveInFormApi;
  documents: DocumentSummary[];
}) {
  const { errors } = form.formState;
  if (documents.length === 0) return null;
  return (
    <OptionsField
      id="verhuizing-document"
      label="Getekende overeenkomst (optioneel)"
      description="Een document van deze casus; de casemanager voegt het toe bij Documenten."
      placeholder="Geen document"
      options={documents.map((d) => ({ value: d.id, label: d.filename }))}
      error={errors.agreementDocumentId?.message}
      {...form.register('agreementDocumentId', { setValueAs: emptyAsUndefined })}
    />
  );
}

function MoveInFacts({ placement, caseId }: { placement: PlacementView; caseId: string }) {
  const m = placement.moveIn!;
  const facts: [string, ReactNode][] = [
    ['Sleuteloverdracht', formatDutchDate(m.keyHandoverDate)],
    ['Huurvorm', tenancyFormLabel[m.tenancyForm]],
    ['Driepartijenovereenkomst', m.agreementConditions],
  ];
  if (m.agreementDocumentId)
    facts.push([
      'Getekende overeenkomst',
      <Link key="doc" href={documentUrl(caseId, m.agreementDocumentId)}>
        Document openen
      </Link>,
    ]);
  facts.push([
    'Contactpersoon zorgaanbieder',
    `${m.providerContact.name}${placement.followUpProvider ? ` (${placement.followUpProvider})` : ''}`,
  ]);
  facts.push(['Telefoon', m.providerContact.phone]);
  facts.push(['Telefoon 24/7', m.providerContact.emergencyPhone]);
  if (m.waitedDaysToOffer !== null)
    facts.push(['Wachttijd tot het eerste aanbod', formatDays(m.waitedDaysToOffer)]);
  if (m.waitedDaysToKeys !== null)
    facts.push(['Wachttijd tot de sleutels', formatDays(m.waitedDaysToKeys)]);
  facts.push(['Vastgelegd', `${formatDutchTimestamp(m.recordedAt)} door ${m.recordedBy}`]);
  return (
    <div className="placement-move">
      <Heading level={3}>Verhuizing</Heading>
      <Facts facts={facts} />
    </div>
  );
}
