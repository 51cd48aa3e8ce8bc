import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import {
  describeWaiting,
  caseStateLabel,
  dwellingStateLabel,
  isDwellingFree,
  formatDutchDate,
  formatDutchEuro,
  tenancyFormLabel,
  withdrawDwellingSchema,
  type Dwelling,
  type DwellingCaseFits,
} from '@uitstroom/shared';
import { QueryStatus } from '../core/query/QueryState';
import { TextareaField } from '../core/fields';
import { messageOf } from '../core/messages';
import { describeSection } from '../core/format';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { DwellingForm } from './DwellingForm';
import { FitBadge, FitReasons } from './FitReasons';
import { accessibilitySummary, dwellingBadgeClass, kindAndRooms } from './dwelling-format';
import { DwellingOffers } from '../placements';
import {
  asDwellingConflict,
  fetchDwelling,
  fetchDwellingCases,
  withdrawDwelling,
  useDwellingWrite,
} from './dwelling-api';
import '../core/layout.css';
import './dwellings.css';
import { FailureAlert } from '../core/FailureAlert';
import { Facts } from '../core/Facts';

/** `/woningen/:dwellingId`: one dwelling, its edit and withdrawal, and the searching cases it fits. */
export function DwellingPage() {
  const { dwellingId } = useParams();
  const location = useLocation();
  const region = useRegionMunicipalities();
  const dwellingQuery = useQuery({
    queryKey: queryKeys.dwelling(dwellingId ?? ''),
    queryFn: ({ signal }) => fetchDwelling(dwellingId!, signal),
    enabled: !!dwellingId,
  });
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [isEditing, setIsEditing] = useState(false);
  const [isWithdrawing, setIsWithdrawing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isEditing) document.getElementById('woning-formulier-kop')?.focus();
  }, [isEditing]);

  const dwelling = dwellingQuery.data;
  if (!dwelling) return <DwellingNotShown query={dwellingQuery} />;
  const closeEditor = (afterwards: string | null) => {
    setIsEditing(false);
    if (afterwards) setNotice(afterwards);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <div className="dwelling-page">
      <DwellingHeader dwelling={dwelling} region={region} />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {isEditing ? (
        <section className="case-card">
          <DwellingForm
            region={region}
            dwelling={dwelling}
            onSaved={() => closeEditor('De wijziging is opgeslagen.')}
            onCancel={() => closeEditor(null)}
          />
        </section>
      ) : (
        <DwellingDetails
          dwelling={dwelling}
          region={region}
          editButton={editButton}
          onEdit={() => {
            setNotice(null);
            setIsEditing(true);
          }}
          onWithdraw={() => setIsWithdrawing(true)}
        />
      )}
      <DwellingOffers dwellingId={dwelling.id} />
      {isDwellingFree(dwelling) && <FittingCases dwelling={dwelling} region={region} />}
      {isWithdrawing && (
        <WithdrawDwellingDialog
          dwelling={dwelling}
          onClose={() => setIsWithdrawing(false)}
          onDone={() => {
            setIsWithdrawing(false);
            setNotice('De woning is ingetrokken. Ze blijft bewaard, met de reden.');
          }}
        />
      )}
    </div>
  );
}

/**
 * While the dwelling loads, or when it cannot be shown: a dwelling out of the seat's scope is a
 * 404, told as one that does not exist, with the way back to the list.
 */
function DwellingNotShown({ query }: { query: UseQueryResult<Dwelling> }) {
  const status = (
    <QueryStatus
      query={query}
      loading="Woning laden…"
      failure="De woning kon niet worden geladen."
      notFound="Deze woning bestaat niet of valt buiten uw bereik."
    />
  );
  if (!query.isError) return status;
  return (
    <>
      <Heading level={1}>Woning</Heading>
      {status}
      <Paragraph>
        <RouterLink className="utrecht-link" to="/woningen">
          Terug naar Woningen
        </RouterLink>
      </Paragraph>
    </>
  );
}

function DwellingHeader({
  dwelling,
  region,
}: {
  dwelling: Dwelling;
  region: RegionMunicipalities;
}) {
  return (
    <>
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to="/woningen">
          Woningen
        </RouterLink>
      </Paragraph>
      <header className="case-header">
        <Heading level={1}>
          {dwelling.street} {dwelling.houseNumber}, {region.nameOf(dwelling.municipalityCode)}
        </Heading>
        <div className="case-header__badges">
          <StatusBadge
            status={isDwellingFree(dwelling) ? 'success' : 'neutral'}
            className={dwellingBadgeClass(dwelling)}
          >
            {dwellingStateLabel(dwelling)}
          </StatusBadge>
        </div>
      </header>
    </>
  );
}

/** The dwelling's facts; while it is available, the buttons to edit or withdraw it. */
function DwellingDetails({
  dwelling,
  region,
  editButton,
  onEdit,
  onWithdraw,
}: {
  dwelling: Dwelling;
  region: RegionMunicipalities;
  editButton: RefObject<HTMLButtonElement | null>;
  onEdit(): void;
  onWithdraw(): void;
}) {
  return (
    <section className="case-card" aria-labelledby="woning-gegevens-kop">
      <Heading level={2} id="woning-gegevens-kop">
        Gegevens
      </Heading>
      <DwellingFacts dwelling={dwelling} region={region} />
      {dwelling.status === 'available' && (
        <ButtonGroup>
          <Button
            ref={editButton}
            type="button"
            appearance="secondary-action-button"
            onClick={onEdit}
          >
            Woning wijzigen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onWithdraw}>
            Woning intrekken
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function DwellingFacts({
  dwelling: d,
  region,
}: {
  dwelling: Dwelling;
  region: RegionMunicipalities;
}) {
  const facts: [string, string][] = [
    ['Adres', `${d.street} ${d.houseNumber}, ${d.postcode} ${region.nameOf(d.municipalityCode)}`],
    ['Wijk', d.neighbourhood],
    ['Woning', kindAndRooms(d)],
    ['Huur per maand', formatDutchEuro(d.rent)],
    [
      'Toegankelijkheid',
      [capitalise(accessibilitySummary(d)), d.accessibilityNotes].filter(Boolean).join('. '),
    ],
    ['Beschikbaar vanaf', formatDutchDate(d.availableFrom)],
    ['Huurvorm', tenancyFormLabel[d.tenancyForm]],
  ];
  if (d.conversionDate)
    facts.push(['Omzetting naar eigen naam', formatDutchDate(d.conversionDate)]);
  if (d.conversionConditions) facts.push(['Voorwaarden omzetting', d.conversionConditions]);
  if (d.withdrawalReason) facts.push(['Reden van intrekking', d.withdrawalReason]);
  return <Facts facts={facts} />;
}

/** The searching cases this dwelling may serve, best fit first, each with its reasons. */
function FittingCases({ dwelling, region }: { dwelling: Dwelling; region: RegionMunicipalities }) {
  // Read again when the dwelling changes (the dwelling page invalidates it).
  const fitsQuery = useQuery({
    queryKey: queryKeys.dwellingCases(dwelling.id),
    queryFn: ({ signal }) => fetchDwellingCases(dwelling.id, signal),
  });
  const fits: DwellingCaseFits | null = fitsQuery.data ?? null;

  return (
    <section className="case-card" aria-labelledby="passende-casussen-kop">
      <Heading level={2} id="passende-casussen-kop">
        Passende casussen
      </Heading>
      <Paragraph className="case-card__note">
        Casussen die een woning zoeken in {region.nameOf(dwelling.municipalityCode)}, de best
        passende eerst. U ziet alleen het woonprofiel: huishouden en woonbehoeften.
      </Paragraph>
      <QueryStatus
        query={fitsQuery}
        loading="Passende casussen zoeken…"
        failure="De passende casussen konden niet worden geladen."
      />
      {fits && fits.items.length === 0 && (
        <Paragraph>
          Er zoekt nu geen casus een woning in {region.nameOf(dwelling.municipalityCode)}.
        </Paragraph>
      )}
      {fits && fits.items.length > 0 && (
        <ol className="fit-list">
          {fits.items.map(({ case: c, fit }) => {
            const profile = [
              ...describeSection('household', c.household, region.nameOf),
              ...describeSection('housingNeeds', c.housingNeeds, region.nameOf),
            ];
            return (
              <li key={c.id} className="fit-list__item">
                <div className="fit-list__top">
                  <Heading level={3}>
                    <RouterLink className="utrecht-link" to={`/casussen/${c.id}`}>
                      Casus {c.pseudonym}
                    </RouterLink>
                  </Heading>
                  <FitBadge fit={fit} />
                </div>
                <Paragraph className="case-table__muted">
                  {caseStateLabel[c.state]}
                  {c.waitingDays !== undefined && c.waitingDays !== null
                    ? ` · ${describeWaiting(c.waitingDays, 'today').toLowerCase()}`
                    : ''}
                </Paragraph>
                {profile.length > 0 && (
                  <Paragraph className="fit-list__profile">
                    {profile
                      .map((f) => `${f.label}: ${f.value.replace(/€ /g, '€\u00a0')}`)
                      .join(' · ')}
                  </Paragraph>
                )}
                <FitReasons fit={fit} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

const withdrawSchema = withdrawDwellingSchema.omit({ version: true });

/** Withdrawing a dwelling: a reason of at least ten characters, in a modal dialog. */
function WithdrawDwellingDialog({
  dwelling,
  onClose,
  onDone,
}: {
  dwelling: Dwelling;
  onClose(): void;
  onDone(dwelling: Dwelling): void;
}) {
  const write = useDwellingWrite();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [resolver] = useState(
    () => zodResolver(withdrawSchema) as unknown as Resolver<{ reason: string }>,
  );
  const form = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    const dialog = dialogRef.current;
    // A modal dialog: the rest of the page is inert, Escape closes it, focus returns on close.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      onDone(
        await write.mutateAsync(() => withdrawDwelling(dwelling.id, dwelling.version, reason)),
      );
    } catch (error) {
      setFailure(
        asDwellingConflict(error)
          ? 'Iemand anders heeft deze woning intussen gewijzigd. Sluit dit venster en laad de pagina opnieuw.'
          : messageOf(error),
      );
    }
  });

  return (
    <dialog
      ref={dialogRef}
      className="case-dialog"
      aria-labelledby="intrekken-kop"
      onClose={onClose}
    >
      <form noValidate onSubmit={submit} className="case-dialog__form">
        <Heading level={2} id="intrekken-kop">
          Woning intrekken
        </Heading>
        <Paragraph>
          {dwelling.street} {dwelling.houseNumber} is dan niet meer beschikbaar voor de uitstroom.
          De woning wordt niet verwijderd: ze blijft bewaard, met de reden.
        </Paragraph>
        <TextareaField
          id="intrekken-reden"
          label="Reden"
          description="Minstens 10 tekens, bijvoorbeeld: verhuurd via de reguliere lijst."
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <FailureAlert failure={failure} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
            Woning intrekken
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => dialogRef.current?.close()}
          >
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}
