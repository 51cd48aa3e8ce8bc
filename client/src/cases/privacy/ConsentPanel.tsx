import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { formatDutchDate, consentCategoryLabel, type Consent } from '@uitstroom/shared';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../core/query/query-keys';
import { QueryState } from '../../core/query/QueryState';
import { refusalOr } from '../../core/query/failure-wording';
import { messageOf } from '../../core/messages';
import { todayIsoDate } from '../../core/format';
import { ConsentForm } from './ConsentForm';
import { recordedNotice } from './consent-disclosure';
import { fetchConsents, useConsentWrite, withdrawConsent } from './consent-api';
import {
  consentStatusLabel,
  consentStatusOf,
  describeCategories,
  orderConsents,
} from './consent-status';
import { fetchRegionOrganisations } from '../../core/region';
import { documentUrl } from './documents-api';
import './consent-panel.css';
import { FailureAlert } from '../../core/FailureAlert';

/** The id of the panel's heading: links from the case page and the intake's check point here. */
export const consentPanelId = 'toestemming';

/** `2026-11-25` (a calendar day) or a timestamp → "25 november 2026", its Dutch day. */
function shortDate(isoDateOrTimestamp: string): string {
  return formatDutchDate(isoDateOrTimestamp);
}

interface ConsentPanelProps {
  caseId: string;
  /** The owning organisation: the resident does not give consent to share with it. */
  ownOrganisationId: string;
  /** False for a closed case: consents can still be withdrawn, no longer recorded. */
  canRecord: boolean;
}

/**
 * The resident's consent per receiving organisation (domain.md §5), for the owning case manager:
 * what is shared with whom, since when and until when, how it was given; withdrawing one; and
 * recording a new one (or a refusal).
 */
export function ConsentPanel({ caseId, ownOrganisationId, canRecord }: ConsentPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [today] = useState(todayIsoDate);
  const consentsQuery = useQuery({
    queryKey: queryKeys.caseConsents(caseId),
    queryFn: ({ signal }) => fetchConsents(caseId, signal),
  });
  const { organisations, organisationsFailure } = useOrganisationsToConsentTo(
    canRecord,
    ownOrganisationId,
  );
  const [toWithdraw, setToWithdraw] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useFocusWhenLinked(headingRef, consentsQuery.data !== undefined || consentsQuery.isError);

  return (
    <section className="case-card consent-panel" aria-labelledby={consentPanelId}>
      <Heading level={2} id={consentPanelId} ref={headingRef} tabIndex={-1}>
        Toestemming van de bewoner
      </Heading>
      <ConsentIntro />
      <ConsentNotice notice={notice} />
      <QueryState
        query={consentsQuery}
        loading="Toestemmingen laden…"
        failure={refusalOr('De toestemmingen konden niet worden geladen.')}
        retry="Opnieuw proberen"
      >
        {(consents) =>
          consents.length === 0 ? (
            <NoConsentYet />
          ) : (
            <ConsentTable
              caseId={caseId}
              consents={orderConsents(consents, today)}
              today={today}
              onWithdraw={(c) => {
                setNotice(null);
                setToWithdraw(c);
              }}
            />
          )
        }
      </QueryState>
      {canRecord && (
        <ConsentForm
          caseId={caseId}
          organisations={organisations}
          organisationsFailure={organisationsFailure}
          onRecorded={(consent) => {
            setNotice(
              recordedNotice(
                consent.organisation.name,
                organisations?.find((o) => o.id === consent.organisation.id)?.kind,
                consent.categories,
              ),
            );
          }}
        />
      )}
      {toWithdraw && (
        <WithdrawConsentDialog
          caseId={caseId}
          consent={toWithdraw}
          onClose={() => setToWithdraw(null)}
          onDone={(withdrawn) => {
            setToWithdraw(null);
            setNotice(
              `De toestemming voor ${withdrawn.organisation.name} is ingetrokken. Dat geldt vanaf nu.`,
            );
          }}
        />
      )}
    </section>
  );
}

/** The region's organisations other than the owner's own, read only when consent can be recorded. */
function useOrganisationsToConsentTo(canRecord: boolean, ownOrganisationId: string) {
  const organisationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
    enabled: canRecord,
  });
  return {
    organisations: organisationsQuery.data?.filter((o) => o.id !== ownOrganisationId) ?? null,
    organisationsFailure: organisationsQuery.isError
      ? 'De organisaties van uw regio konden niet worden geladen. Laad de pagina opnieuw.'
      : null,
  };
}

/** A link to #toestemming (from "Nog nodig" or a warning) lands here once the list is on screen. */
function useFocusWhenLinked(headingRef: RefObject<HTMLHeadingElement | null>, isLoaded: boolean) {
  const location = useLocation();
  useEffect(() => {
    if (location.hash !== `#${consentPanelId}` || !isLoaded) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [headingRef, location.hash, location.key, isLoaded]);
}

/** What was just recorded or withdrawn, said politely (the live region is there from the start). */
function ConsentNotice({ notice }: { notice: string | null }) {
  return (
    <div role="status" aria-live="polite" className="consent-panel__notice">
      {notice && (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

function ConsentIntro() {
  return (
    <Paragraph className="consent-panel__intro">
      Per organisatie legt u vast wat de bewoner wil delen. Zonder toestemming ziet een andere
      organisatie alleen het woonprofiel, zonder naam. Wat een organisatie ziet, hangt ook af van
      haar rol: een woningcorporatie ziet nooit ondersteuning of gevoelige informatie, en naam en
      contact alleen zolang haar aanbod loopt of de bewoner in haar woning woont.
    </Paragraph>
  );
}

function NoConsentYet() {
  return (
    <Paragraph className="consent-panel__empty">
      Er is nog geen toestemming vastgelegd. Vraag de bewoner wat hij of zij wil delen, en met wie.
      Ook een weigering legt u vast.
    </Paragraph>
  );
}

function ConsentTable({
  caseId,
  consents,
  today,
  onWithdraw,
}: {
  caseId: string;
  consents: Consent[];
  today: string;
  onWithdraw(consent: Consent): void;
}) {
  return (
    <div className="consent-table__scroll">
      <Table className="consent-table">
        <caption className="visually-hidden">Toestemmingen per organisatie</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Mag zien</TableHeaderCell>
            <TableHeaderCell scope="col">Geldig</TableHeaderCell>
            <TableHeaderCell scope="col" className="consent-table__how">
              Hoe
            </TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="visually-hidden">Acties</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {consents.map((consent) => (
            <ConsentRow
              key={consent.id}
              caseId={caseId}
              consent={consent}
              today={today}
              onWithdraw={onWithdraw}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ConsentRow({
  caseId,
  consent,
  today,
  onWithdraw,
}: {
  caseId: string;
  consent: Consent;
  today: string;
  onWithdraw(consent: Consent): void;
}) {
  const status = consentStatusOf(consent, today);
  return (
    <TableRow className={status === 'active' ? undefined : 'consent-table__row--past'}>
      <TableHeaderCell scope="row" className="consent-table__organisation">
        {consent.organisation.name}
      </TableHeaderCell>
      <TableCell>
        <SharedCategories consent={consent} />
      </TableCell>
      <TableCell className="consent-table__period">
        <span>Gegeven op {shortDate(consent.givenOn)}</span>
        <span>
          {consent.expiresOn ? `tot en met ${shortDate(consent.expiresOn)}` : 'tot intrekking'}
        </span>
      </TableCell>
      <TableCell>
        <HowGiven caseId={caseId} consent={consent} />
      </TableCell>
      <TableCell>
        <span className={`consent-status consent-status--${status}`}>
          {consentStatusLabel[status]}
        </span>
        {status === 'withdrawn' && consent.withdrawnAt && (
          <span className="consent-table__muted consent-table__by">
            op {shortDate(consent.withdrawnAt)}
          </span>
        )}
        {consent.isExpiringSoon && (
          <span className="consent-status consent-status--soon">Verloopt binnenkort</span>
        )}
      </TableCell>
      <TableCell>
        {status === 'active' && consent.categories.length > 0 && (
          <Button
            type="button"
            appearance="secondary-action-button"
            className="consent-table__action"
            aria-label={`Intrekken: toestemming voor ${consent.organisation.name}`}
            onClick={() => onWithdraw(consent)}
          >
            Intrekken
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

/** The categories as labels, or the refusal. */
function SharedCategories({ consent }: { consent: Consent }) {
  if (!consent.categories.length)
    return <span className="consent-label consent-label--refusal">Niets: de bewoner weigert</span>;
  return (
    <ul className="consent-labels">
      {consent.categories.map((c) => (
        <li key={c} className="consent-label">
          {consentCategoryLabel[c]}
        </li>
      ))}
    </ul>
  );
}

/** Verbal with the witness's name, or the signed form with its download; and who recorded it. */
function HowGiven({ caseId, consent }: { caseId: string; consent: Consent }) {
  return (
    <>
      {consent.method === 'verbalWithWitness' ? (
        <>Mondeling, getuige: {consent.witnessName}</>
      ) : (
        <>
          Ondertekend formulier
          {consent.documentId && (
            <>
              {' ('}
              <a className="utrecht-link" href={documentUrl(caseId, consent.documentId)}>
                downloaden
                <span className="visually-hidden">
                  {' '}
                  (ondertekend formulier voor {consent.organisation.name})
                </span>
              </a>
              {')'}
            </>
          )}
        </>
      )}
      <span className="consent-table__muted consent-table__by">
        Vastgelegd door {consent.recordedBy}
      </span>
    </>
  );
}

/** "Are you sure?", in a modal dialog that says what withdrawing does: it takes effect at once. */
function WithdrawConsentDialog({
  caseId,
  consent,
  onClose,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  onClose(): void;
  onDone(consent: Consent): void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const withdraw = useConsentWrite(caseId);
  // Busy from the click until the dialog closes (also once done, while the panel takes it away).
  const isBusy = withdraw.isPending || withdraw.isSuccess;
  const failure = withdraw.isError
    ? messageOf(withdraw.error, 'Het intrekken is niet gelukt. Probeer het opnieuw.')
    : null;

  useEffect(() => {
    const dialog = dialogRef.current;
    // Modal: the rest of the page is inert, Escape closes it, focus returns to the button on close.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = () =>
    withdraw.mutate(() => withdrawConsent(caseId, consent.id), { onSuccess: onDone });

  const name = consent.organisation.name;
  return (
    <dialog ref={dialogRef} className="case-dialog" aria-labelledby={headingId} onClose={onClose}>
      <div className="case-dialog__form">
        <Heading level={2} id={headingId}>
          Toestemming intrekken
        </Heading>
        <Paragraph>
          De bewoner trekt de toestemming voor <strong>{name}</strong> in. Dat geldt meteen: vanaf
          de volgende keer dat iemand van {name} de casus opent, ziet die{' '}
          {describeCategories(consent)} niet meer. Wat {name} eerder al heeft gezien, kan niet
          worden teruggehaald.
        </Paragraph>
        <FailureAlert failure={failure} />
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            hint="danger"
            onClick={confirm}
            disabled={isBusy}
            aria-busy={isBusy || undefined}
          >
            {isBusy ? 'Bezig met intrekken…' : 'Ja, nu intrekken'}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => dialogRef.current?.close()}
            disabled={isBusy}
          >
            Annuleren
          </Button>
        </ButtonGroup>
      </div>
    </dialog>
  );
}
